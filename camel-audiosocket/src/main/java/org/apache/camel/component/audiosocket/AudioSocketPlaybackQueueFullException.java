package org.apache.camel.component.audiosocket;

/** Playing the body would put more audio in the call's playback queue than playbackQueueLimit allows. */
public class AudioSocketPlaybackQueueFullException extends AudioSocketException {

    public AudioSocketPlaybackQueueFullException(String message) {
        super(message);
    }
}
