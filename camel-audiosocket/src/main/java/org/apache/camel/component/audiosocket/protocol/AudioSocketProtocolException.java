package org.apache.camel.component.audiosocket.protocol;

import io.netty.handler.codec.DecoderException;

/** A peer broke the AudioSocket protocol; {@link #error()} names how. */
public class AudioSocketProtocolException extends DecoderException {

    private final AudioSocketProtocolError error;

    public AudioSocketProtocolException(AudioSocketProtocolError error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public AudioSocketProtocolError error() {
        return error;
    }
}
