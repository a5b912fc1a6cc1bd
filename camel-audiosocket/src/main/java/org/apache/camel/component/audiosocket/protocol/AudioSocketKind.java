package org.apache.camel.component.audiosocket.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The message kinds of the AudioSocket protocol: the first byte of every message.
 * <p>
 * The nine audio kinds carry signed 16-bit little-endian mono PCM at the rate they name, except on calls dialled with a
 * non-slin codec ({@code c(ulaw)}), where Asterisk still sends {@link #SLIN_8000} but the payload is that codec's bytes.
 */
public enum AudioSocketKind {

    /** Ends the call normally. Asterisk accepts it but never sends it: it closes the socket instead. */
    HANGUP(0x00, 0),
    /** The call's UUID, 16 bytes in RFC 4122 byte order; always the first message Asterisk sends. */
    UUID(0x01, 0),
    /** Legacy "silence" (and, in one fork, a DTMF record): tolerated and reported, never produced. */
    LEGACY(0x02, 0),
    /** One DTMF digit as an ASCII byte, sent when the key is released. */
    DTMF(0x03, 0),
    SLIN_8000(0x10, 8000),
    SLIN_12000(0x11, 12000),
    SLIN_16000(0x12, 16000),
    SLIN_24000(0x13, 24000),
    SLIN_32000(0x14, 32000),
    SLIN_44100(0x15, 44100),
    SLIN_48000(0x16, 48000),
    SLIN_96000(0x17, 96000),
    SLIN_192000(0x18, 192000),
    /** An error, with an optional application-specific code. Asterisk ends the call when it receives one. */
    ERROR(0xff, 0);

    /** The rate of a call before its first audio: that of Asterisk's AudioSocket() application. */
    public static final int DEFAULT_SAMPLE_RATE = 8000;

    /** Every rate an audio kind can carry, in Hz, ascending. */
    public static final String SUPPORTED_RATES = Arrays.stream(values()).filter(AudioSocketKind::isAudio)
            .map(k -> Integer.toString(k.sampleRate)).collect(Collectors.joining(", "));

    private static final AudioSocketKind[] BY_CODE = new AudioSocketKind[256];
    /** values() copies its array on every call, and the kind of every reply a route plays is looked up here. */
    private static final AudioSocketKind[] ALL = values();

    static {
        for (AudioSocketKind kind : ALL) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final int sampleRate;

    AudioSocketKind(int code, int sampleRate) {
        this.code = code;
        this.sampleRate = sampleRate;
    }

    /** The byte that identifies this kind on the wire (0-255). */
    public int code() {
        return code;
    }

    /** True for the nine signed-linear audio kinds. */
    public boolean isAudio() {
        return sampleRate != 0;
    }

    /** The sample rate in Hz of an audio kind, 0 for the others. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Bytes of 16-bit mono PCM in 20 ms at this kind's rate (320 at 8 kHz, 1,764 at 44.1 kHz). */
    public int bytesPer20Millis() {
        return sampleRate / 50 * 2;
    }

    /** The kind whose code is given, or null when the protocol defines no such kind. */
    public static AudioSocketKind fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** True when the given sample rate is one of the nine an audio kind can carry. */
    public static boolean isSupportedRate(int sampleRate) {
        return audioKindOf(sampleRate) != null;
    }

    /**
     * The audio kind for a sample rate.
     *
     * @throws IllegalArgumentException when no audio kind carries that rate
     */
    public static AudioSocketKind forSampleRate(int sampleRate) {
        AudioSocketKind kind = audioKindOf(sampleRate);
        if (kind == null) {
            throw new IllegalArgumentException(
                    "Sample rate " + sampleRate + " Hz has no AudioSocket audio kind; use one of " + SUPPORTED_RATES);
        }
        return kind;
    }

    private static AudioSocketKind audioKindOf(int sampleRate) {
        for (AudioSocketKind kind : ALL) {
            if (kind.isAudio() && kind.sampleRate == sampleRate) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name() + String.format("(0x%02x)", code);
    }
}
