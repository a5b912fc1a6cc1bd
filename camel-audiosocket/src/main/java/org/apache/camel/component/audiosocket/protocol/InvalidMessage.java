package org.apache.camel.component.audiosocket.protocol;

/**
 * A message that arrived whole, in step with the stream, but whose content the protocol does not allow: a DTMF
 * message whose byte is not a digit. Such a message cannot be a frame, yet nothing after it is in doubt, so the decoder
 * hands it on in order instead of failing the connection; the receiver reports it and goes on.
 *
 * @param error  how the message breaks the protocol
 * @param reason what was wrong with it, for the log and the route (never audio)
 */
public record InvalidMessage(AudioSocketProtocolError error, String reason) {

    /** The error and the reason, as an {@link AudioSocketProtocolException}'s message reads. */
    @Override
    public String toString() {
        return error + ": " + reason;
    }
}
