package org.apache.camel.component.audiosocket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrame;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;
import org.apache.camel.component.audiosocket.client.AudioSocketClient;
import org.apache.camel.component.audiosocket.server.ClientAllowlist;
import org.apache.camel.component.audiosocket.session.CallSettings;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Stream live call audio from Asterisk's AudioSocket into routes and play audio back into the call.
 */
@UriEndpoint(firstVersion = "4.22.0", scheme = "audiosocket", title = "AudioSocket", syntax = "audiosocket:host:port",
             category = { Category.NETWORKING }, headersClass = AudioSocketConstants.class)
public class AudioSocketEndpoint extends DefaultEndpoint {

    @UriParam
    private final AudioSocketConfiguration configuration;

    public AudioSocketEndpoint(String uri, AudioSocketComponent component, AudioSocketConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public AudioSocketComponent getComponent() {
        return (AudioSocketComponent) super.getComponent();
    }

    public AudioSocketConfiguration getConfiguration() {
        return configuration;
    }

    private AudioSocketClient client;

    /** Client mode's connection to the server, shared by this endpoint's producers and consumer; started on first use. */
    synchronized AudioSocketClient client() throws Exception {
        if (client == null) {
            AudioSocketClient created = new AudioSocketClient(getCamelContext(), configuration, callSettings());
            ServiceHelper.startService(created);
            client = created;
        }
        return client;
    }

    @Override
    protected void doStop() throws Exception {
        AudioSocketClient stopping;
        synchronized (this) {
            stopping = client;
            client = null;
        }
        ServiceHelper.stopService(stopping);
        super.doStop();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new AudioSocketProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AudioSocketConsumer consumer = new AudioSocketConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The settings every call on this endpoint's server gets, checked. */
    CallSettings callSettings() {
        ClientAllowlist.parse(configuration.getAllowedClients()); // fails on a malformed entry, at start
        int maxFrameSize = configuration.getMaxFrameSize();
        if (maxFrameSize < UuidFrame.PAYLOAD_LENGTH || maxFrameSize > AudioSocketFrame.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("maxFrameSize must be " + UuidFrame.PAYLOAD_LENGTH + " to "
                                               + AudioSocketFrame.MAX_PAYLOAD_LENGTH + " bytes (a UUID message"
                                               + " has 16), not " + maxFrameSize);
        }
        return new CallSettings(configuration.getCodec(), parseEvents(configuration.getEvents()),
                configuration.getChunkDuration(), configuration.getMaxPendingExchanges(),
                configuration.getReadPauseWarnThreshold(), configuration.getUuidTimeout(),
                configuration.getPlaybackQueueLimit(), configuration.getPlaybackCatchUpLimit());
    }

    static Set<AudioSocketEventType> parseEvents(String events) {
        if (events == null || events.isBlank()) {
            return EnumSet.allOf(AudioSocketEventType.class);
        }
        Set<AudioSocketEventType> selected = EnumSet.noneOf(AudioSocketEventType.class);
        for (String name : events.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            try {
                selected.add(AudioSocketEventType.valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Unknown event type '" + name.trim() + "' in events=" + events + "; use any of "
                                                   + EnumSet.allOf(AudioSocketEventType.class),
                        e);
            }
        }
        return selected;
    }
}
