package org.apache.camel.component.audiosocket.audio;

import java.util.Objects;

/**
 * The bytes of a complete WAV file, as a body type: {@code convertBodyTo(WavAudio.class)} turns an {@code AUDIO}
 * exchange's PCM (or µ-law, A-law) into a file any player opens, and the producer plays a {@code WavAudio} at the rate
 * its header gives.
 */
public final class WavAudio {

    private final byte[] bytes;

    /** @param bytes a whole WAV file; not copied, so do not change it afterwards */
    public WavAudio(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** The file's bytes (not a copy). */
    public byte[] bytes() {
        return bytes;
    }

    /** The audio inside, decoded to 16-bit PCM. */
    public PcmAudio toPcm() {
        return Wav.read(bytes);
    }

    @Override
    public String toString() {
        return "WavAudio[" + bytes.length + " bytes]";
    }
}
