package org.apache.camel.component.audiosocket.support;

import java.nio.charset.StandardCharsets;

/** Builds RIFF/WAVE files chunk by chunk, little-endian, independently of the component's {@code Wav}. */
public final class Riff {

    public static final int PCM = 1;
    public static final int ALAW = 6;
    public static final int ULAW = 7;
    public static final int EXTENSIBLE = 0xfffe;

    private Riff() {
    }

    /** {@code RIFF <size> WAVE} followed by the chunks. */
    public static byte[] wave(byte[]... chunks) {
        byte[] body = Frames.concat(chunks);
        return Frames.concat(ascii("RIFF"), le32(4 + body.length), ascii("WAVE"), body);
    }

    /** A chunk: id, 32-bit size, body, and a pad byte when the body's length is odd. */
    public static byte[] chunk(String id, byte[] body) {
        return Frames.concat(ascii(id), le32(body.length), body, new byte[body.length % 2]);
    }

    /** The 16-byte body of a plain {@code fmt } chunk. */
    public static byte[] fmt(int format, int channels, int sampleRate, int bitsPerSample) {
        int blockAlign = channels * bitsPerSample / 8;
        return Frames.concat(le16(format), le16(channels), le32(sampleRate), le32(sampleRate * blockAlign),
                le16(blockAlign), le16(bitsPerSample));
    }

    /** The 40-byte body of a WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk whose sub-format is {@code subFormat}. */
    public static byte[] fmtExtensible(int subFormat, int channels, int sampleRate, int bitsPerSample) {
        // KSDATAFORMAT_SUBTYPE_xxx: {0000xxxx-0000-0010-8000-00aa00389b71}, stored little-endian
        byte[] guid = Frames.concat(le16(subFormat), new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                0x00, (byte) 0xaa, 0x00, 0x38, (byte) 0x9b, 0x71 });
        return Frames.concat(fmt(EXTENSIBLE, channels, sampleRate, bitsPerSample), le16(22), le16(bitsPerSample),
                le32(4 /* front centre */), guid);
    }

    public static byte[] le16(int v) {
        return new byte[] { (byte) v, (byte) (v >> 8) };
    }

    public static byte[] le32(long v) {
        return new byte[] { (byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24) };
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
