package org.apache.camel.component.audiosocket;

/** The body cannot be played: odd-length PCM, a rate no audio kind carries, an unreadable WAV file. */
public class AudioSocketInvalidAudioException extends AudioSocketException {

    public AudioSocketInvalidAudioException(String message) {
        super(message);
    }

    public AudioSocketInvalidAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
