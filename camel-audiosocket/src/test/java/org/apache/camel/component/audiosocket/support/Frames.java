package org.apache.camel.component.audiosocket.support;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Builds AudioSocket messages byte by byte, independently of the component's encoder. */
public final class Frames {

    private Frames() {
    }

    public static byte[] frame(int kind, byte[] payload) {
        byte[] b = new byte[3 + payload.length];
        b[0] = (byte) kind;
        b[1] = (byte) (payload.length >> 8);
        b[2] = (byte) payload.length;
        System.arraycopy(payload, 0, b, 3, payload.length);
        return b;
    }

    public static byte[] uuid(UUID uuid) {
        return frame(0x01, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    /** Bytes of PCM that differ per call and per position, so that mixed-up or reordered audio shows. */
    public static byte[] pattern(int seed, int length) {
        byte[] b = new byte[length];
        int x = seed * 0x9E3779B1 + 1;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
