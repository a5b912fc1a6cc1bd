package org.apache.camel.component.audiosocket;

/** What the producer does with a call, from the {@link AudioSocketConstants#COMMAND} header. */
public enum AudioSocketCommand {
    /** Queue the body for playback, paced in real time. */
    PLAY,
    /** Drop all audio queued for playback now (barge-in). */
    CLEAR,
    /** End the call once the audio queued before this command has played. */
    HANGUP,
    /** Emit a MARK event when playback reaches this point of the queue. */
    MARK
}
