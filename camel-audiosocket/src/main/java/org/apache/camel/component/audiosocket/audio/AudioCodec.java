package org.apache.camel.component.audiosocket.audio;

/**
 * The encoding of a call's audio payloads.
 * <p>
 * Asterisk labels every payload of an 8 kHz call as kind {@code 0x10} ("slin"), even on a channel dialled with
 * {@code c(ulaw)} or {@code c(alaw)}, whose payloads are then G.711 bytes: the kind alone cannot tell, so the endpoint
 * is told with its {@code codec} option.
 */
public enum AudioCodec {

    /** Signed 16-bit little-endian linear PCM. */
    SLIN(2),
    /** G.711 µ-law, one byte per sample. */
    ULAW(1),
    /** G.711 A-law, one byte per sample. */
    ALAW(1);

    private final int bytesPerSample;

    AudioCodec(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Decodes audio in this codec to signed 16-bit little-endian PCM (the same array for {@link #SLIN}). */
    public byte[] toPcm(byte[] audio) {
        return switch (this) {
            case SLIN -> audio;
            case ULAW -> G711.ulawToPcm(audio);
            case ALAW -> G711.alawToPcm(audio);
        };
    }

    /** Encodes signed 16-bit little-endian PCM in this codec (the same array for {@link #SLIN}). */
    public byte[] fromPcm(byte[] pcm) {
        return switch (this) {
            case SLIN -> pcm;
            case ULAW -> G711.pcmToUlaw(pcm);
            case ALAW -> G711.pcmToAlaw(pcm);
        };
    }
}
