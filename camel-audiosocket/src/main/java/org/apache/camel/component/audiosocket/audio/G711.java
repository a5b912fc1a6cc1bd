package org.apache.camel.component.audiosocket.audio;

/**
 * G.711 µ-law and A-law, as ITU-T G.711 defines them, to and from signed 16-bit little-endian PCM.
 * Decoding uses tables built once; encoding is the standard segment search.
 */
final class G711 {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = decodeUlaw(i);
            ALAW_TO_LINEAR[i] = decodeAlaw(i);
        }
    }

    private G711() {
    }

    static byte[] ulawToPcm(byte[] ulaw) {
        return expand(ulaw, ULAW_TO_LINEAR);
    }

    static byte[] alawToPcm(byte[] alaw) {
        return expand(alaw, ALAW_TO_LINEAR);
    }

    static byte[] pcmToUlaw(byte[] pcm) {
        requireWholeSamples(pcm);
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = encodeUlaw(sampleAt(pcm, i));
        }
        return out;
    }

    static byte[] pcmToAlaw(byte[] pcm) {
        requireWholeSamples(pcm);
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = encodeAlaw(sampleAt(pcm, i));
        }
        return out;
    }

    private static byte[] expand(byte[] in, short[] table) {
        byte[] out = new byte[in.length * 2];
        for (int i = 0; i < in.length; i++) {
            short s = table[in[i] & 0xff];
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    private static void requireWholeSamples(byte[] pcm) {
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes, not " + pcm.length);
        }
    }

    private static int sampleAt(byte[] pcm, int i) {
        return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }

    private static short decodeUlaw(int code) {
        int u = ~code & 0xff;
        int t = ((u & 0x0f) << 3) + ULAW_BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
    }

    private static short decodeAlaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else if (segment == 1) {
            t += 0x108;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    private static byte encodeUlaw(int sample) {
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > ULAW_CLIP) {
            sample = ULAW_CLIP;
        }
        sample += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static byte encodeAlaw(int sample) {
        int sign;
        if (sample >= 0) {
            sign = 0xd5;
        } else {
            sign = 0x55;
            sample = -sample - 1;
        }
        int shifted = sample >> 3;
        int segment = 0;
        int bound = 0x1f;
        while (segment < 8 && shifted > bound) {
            segment++;
            bound = (bound << 1) | 1;
        }
        int code;
        if (segment >= 8) {
            code = 0x7f;
        } else {
            code = segment << 4;
            code |= segment < 2 ? (shifted >> 1) & 0x0f : (shifted >> segment) & 0x0f;
        }
        return (byte) (code ^ sign);
    }
}
