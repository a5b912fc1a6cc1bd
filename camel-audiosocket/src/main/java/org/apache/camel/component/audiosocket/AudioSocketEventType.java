package org.apache.camel.component.audiosocket;

/** The kinds of exchange a call produces, in the {@link AudioSocketConstants#EVENT_TYPE} header. */
public enum AudioSocketEventType {
    /** The call's UUID arrived: the call has begun. */
    CALL_START,
    /** Audio from the call, in the body. */
    AUDIO,
    /** A DTMF key press ended. */
    DTMF,
    /** The call ended; exactly once per call. */
    HANGUP,
    /** The peer sent an error message or broke the protocol. */
    ERROR,
    /** Playback reached a mark set with the MARK command. */
    MARK,
    /** A legacy {@code 0x02} message, reported for peers that still send it. */
    LEGACY_FRAME
}
