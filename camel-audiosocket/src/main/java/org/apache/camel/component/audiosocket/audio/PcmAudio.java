package org.apache.camel.component.audiosocket.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Signed 16-bit little-endian mono PCM together with its sample rate: a body type that knows its own rate, so that the
 * producer needs no {@code CamelAudioSocketSampleRate} header to play it.
 */
public final class PcmAudio {

    private final byte[] samples;
    private final int sampleRate;

    /**
     * @param samples    16-bit little-endian PCM; not copied, so do not change it afterwards
     * @param sampleRate samples per second
     */
    public PcmAudio(byte[] samples, int sampleRate) {
        Objects.requireNonNull(samples, "samples");
        if (samples.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes, not " + samples.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("Sample rate must be positive, not " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** The PCM bytes (not a copy). */
    public byte[] samples() {
        return samples;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The length of the audio in milliseconds, rounded down. */
    public long durationMillis() {
        return samples.length / 2 * 1000L / sampleRate;
    }

    /** This audio as a complete WAV file. */
    public WavAudio toWav() {
        return new WavAudio(Wav.wrap(samples, sampleRate));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmAudio other && sampleRate == other.sampleRate && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + samples.length + " bytes at " + sampleRate + " Hz]";
    }
}
