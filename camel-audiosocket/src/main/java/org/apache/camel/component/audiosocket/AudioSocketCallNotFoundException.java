package org.apache.camel.component.audiosocket;

/** No live call has the UUID the producer was given: it never connected, or it has ended. */
public class AudioSocketCallNotFoundException extends AudioSocketException {

    public AudioSocketCallNotFoundException(String message) {
        super(message);
    }
}
