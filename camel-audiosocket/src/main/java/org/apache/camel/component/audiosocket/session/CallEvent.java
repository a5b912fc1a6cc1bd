package org.apache.camel.component.audiosocket.session;

import org.apache.camel.component.audiosocket.AudioSocketEventType;
import org.apache.camel.component.audiosocket.AudioSocketHangupReason;
import org.apache.camel.component.audiosocket.audio.AudioCodec;

/**
 * One thing that happened in a call, waiting to become an exchange. Only the fields of its type are set.
 *
 * @param type         what happened
 * @param sequence     its number within the call, from 1
 * @param body         audio (AUDIO), the legacy payload (LEGACY_FRAME), the error description (ERROR); else null
 * @param sampleRate   Hz of the audio (AUDIO), else 0
 * @param codec        encoding of the audio (AUDIO), else null
 * @param detail       the DTMF digit, error type or mark name (DTMF, ERROR, MARK), else null
 * @param errorCode    the code of a peer's error message, or null
 * @param hangupReason who ended the call (HANGUP), else null
 * @param durationMillis how long the call lasted (HANGUP), else 0
 */
public record CallEvent(
        AudioSocketEventType type, long sequence, Object body, int sampleRate, AudioCodec codec, String detail,
        Integer errorCode, AudioSocketHangupReason hangupReason, long durationMillis) {

    static CallEvent callStart(long sequence) {
        return new CallEvent(AudioSocketEventType.CALL_START, sequence, null, 0, null, null, null, null, 0);
    }

    static CallEvent audio(long sequence, byte[] audio, int sampleRate, AudioCodec codec) {
        return new CallEvent(AudioSocketEventType.AUDIO, sequence, audio, sampleRate, codec, null, null, null, 0);
    }

    static CallEvent dtmf(long sequence, char digit) {
        return new CallEvent(AudioSocketEventType.DTMF, sequence, null, 0, null, String.valueOf(digit), null, null, 0);
    }

    static CallEvent error(long sequence, String errorType, Integer errorCode, String description) {
        return new CallEvent(AudioSocketEventType.ERROR, sequence, description, 0, null, errorType, errorCode, null, 0);
    }

    static CallEvent mark(long sequence, String name) {
        return new CallEvent(AudioSocketEventType.MARK, sequence, null, 0, null, name, null, null, 0);
    }

    static CallEvent legacy(long sequence, byte[] payload) {
        return new CallEvent(AudioSocketEventType.LEGACY_FRAME, sequence, payload, 0, null, null, null, null, 0);
    }

    static CallEvent hangup(long sequence, AudioSocketHangupReason reason, long durationMillis) {
        return new CallEvent(AudioSocketEventType.HANGUP, sequence, null, 0, null, null, null, reason, durationMillis);
    }
}
