package org.apache.camel.component.audiosocket;

import java.util.UUID;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.client.AudioSocketClient;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Plays audio into a live call, found by its UUID on the server of the consumer with the same host and port. A PLAY
 * completes as soon as the audio is queued (it then plays paced in real time, however long it is); failures to find
 * the call or to queue the audio are set on the exchange. In client mode the producer dials the call first (as
 * Asterisk would) when its UUID has no live call yet.
 */
public class AudioSocketProducer extends DefaultAsyncProducer {

    public AudioSocketProducer(AudioSocketEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AudioSocketEndpoint getEndpoint() {
        return (AudioSocketEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            Message message = exchange.getMessage();
            CallSession call = getEndpoint().getConfiguration().isClientMode() ? dialledCall(message) : liveCall(message);
            AudioSocketCallControl.execute(call, message);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    /**
     * Client mode: the call with the message's UUID (generated, and set on the message, when absent), dialled first
     * unless the command only makes sense on a live call.
     */
    private CallSession dialledCall(Message message) throws Exception {
        String uuidText = message.getHeader(AudioSocketConstants.UUID, String.class);
        UUID uuid;
        if (uuidText == null || uuidText.isBlank()) {
            uuid = UUID.randomUUID();
            message.setHeader(AudioSocketConstants.UUID, uuid.toString());
        } else {
            uuid = parseUuid(uuidText);
        }
        AudioSocketClient client = getEndpoint().client();
        AudioSocketCommand command = AudioSocketHeaders.command(message);
        if (command == AudioSocketCommand.PLAY) {
            return client.findOrDial(uuid);
        }
        CallSession call = client.findCall(uuid);
        if (call == null) {
            AudioSocketConfiguration config = getEndpoint().getConfiguration();
            throw new AudioSocketCallNotFoundException("No live call " + uuid + " dialled to " + config.getHost() + ":"
                                                       + config.getPort() + ": it never started or has ended");
        }
        return call;
    }

    private CallSession liveCall(Message message) throws AudioSocketCallNotFoundException {
        AudioSocketConfiguration config = getEndpoint().getConfiguration();
        String uuidText = message.getHeader(AudioSocketConstants.UUID, String.class);
        if (uuidText == null || uuidText.isBlank()) {
            throw new IllegalArgumentException("Header " + AudioSocketConstants.UUID
                                               + " must name the call to play into");
        }
        UUID uuid = parseUuid(uuidText);
        AudioSocketServer server = getEndpoint().getComponent().findServer(config.getHost(), config.getPort());
        if (server == null) {
            throw new AudioSocketCallNotFoundException(
                    "No AudioSocket consumer is running on " + config.getHost() + ":" + config.getPort()
                                                       + " in this CamelContext, so call " + uuid + " cannot be there");
        }
        CallSession call = server.findCall(uuid);
        if (call == null) {
            throw new AudioSocketCallNotFoundException(
                    "No live call " + uuid + " on AudioSocket server " + config.getHost() + ":" + config.getPort()
                                                       + ": it never connected or has ended");
        }
        return call;
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + AudioSocketConstants.UUID + " is not a UUID: " + text, e);
        }
    }
}
