package org.apache.camel.component.audiosocket;

import java.util.UUID;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Plays audio into a live call, found by its UUID on the server of the consumer with the same host and port. A PLAY
 * completes as soon as the audio is queued (it then plays paced in real time, however long it is); failures to find
 * the call or to queue the audio are set on the exchange.
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
            AudioSocketCallControl.execute(findCall(message), message);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private CallSession findCall(Message message) throws AudioSocketCallNotFoundException {
        AudioSocketConfiguration config = getEndpoint().getConfiguration();
        String uuidText = message.getHeader(AudioSocketConstants.UUID, String.class);
        if (uuidText == null || uuidText.isBlank()) {
            throw new IllegalArgumentException("Header " + AudioSocketConstants.UUID
                                               + " must name the call to play into");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(uuidText.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + AudioSocketConstants.UUID + " is not a UUID: " + uuidText, e);
        }
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
}
