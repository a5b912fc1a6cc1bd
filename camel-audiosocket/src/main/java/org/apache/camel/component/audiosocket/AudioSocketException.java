package org.apache.camel.component.audiosocket;

import org.apache.camel.CamelException;

/** Base of the exceptions the AudioSocket producer sets on an exchange it cannot carry out. */
public class AudioSocketException extends CamelException {

    public AudioSocketException(String message) {
        super(message);
    }

    public AudioSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
