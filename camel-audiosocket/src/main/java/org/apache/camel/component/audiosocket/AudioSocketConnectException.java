package org.apache.camel.component.audiosocket;

/** Client mode could not connect to the AudioSocket server: refused, timed out, or no such host. */
public class AudioSocketConnectException extends AudioSocketException {

    public AudioSocketConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
