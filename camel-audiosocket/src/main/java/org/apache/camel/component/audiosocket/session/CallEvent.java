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
 * @param receivedNanos  when the audio's last byte was read (AUDIO, {@link System#nanoTime()}), else 0
 * @param streamNanos    how much of the caller's audio had arrived by then, in nanoseconds of audio (AUDIO), else 0
 */
public record CallEvent(
        AudioSocketEventType type, long sequence, Object body, int sampleRate, AudioCodec codec, String detail,
        Integer errorCode, AudioSocketHangupReason hangupReason, long durationMillis, long receivedNanos,
        long streamNanos) {

    static CallEvent callStart(long sequence) {
        return new CallEvent(AudioSocketEventType.CALL_START, sequence, null, 0, null, null, null, null, 0, 0, 0);
    }

    static CallEvent audio(long sequence, byte[] audio, int sampleRate, AudioCodec codec, long receivedNanos,
                           long streamNanos) {
        return new CallEvent(AudioSocketEventType.AUDIO, sequence, audio, sampleRate, codec, null, null, null, 0,
                receivedNanos, streamNanos);
    }

    /** How long the audio of an AUDIO event lasts, in nanoseconds; 0 for other events. */
    public long audioNanos() {
        return body instanceof byte[] audio && codec != null
                ? audio.length / codec.bytesPerSample() * 1_000_000_000L / sampleRate : 0;
    }

    static CallEvent dtmf(long sequence, char digit) {
        return new CallEvent(AudioSocketEventType.DTMF, sequence, null, 0, null, String.valueOf(digit), null, null, 0,
                0, 0);
    }

    static CallEvent error(long sequence, String errorType, Integer errorCode, String description) {
        return new CallEvent(AudioSocketEventType.ERROR, sequence, description, 0, null, errorType, errorCode, null, 0,
                0, 0);
    }

    static CallEvent mark(long sequence, String name) {
        return new CallEvent(AudioSocketEventType.MARK, sequence, null, 0, null, name, null, null, 0, 0, 0);
    }

    static CallEvent legacy(long sequence, byte[] payload) {
        return new CallEvent(AudioSocketEventType.LEGACY_FRAME, sequence, payload, 0, null, null, null, null, 0, 0, 0);
    }

    static CallEvent hangup(long sequence, AudioSocketHangupReason reason, long durationMillis) {
        return new CallEvent(AudioSocketEventType.HANGUP, sequence, null, 0, null, null, null, reason, durationMillis,
                0, 0);
    }
}
