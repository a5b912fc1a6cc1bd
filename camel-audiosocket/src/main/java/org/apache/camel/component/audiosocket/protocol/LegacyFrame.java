package org.apache.camel.component.audiosocket.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Kind {@code 0x02}: defined as "silence" by the original Go library and reused by one fork for a 6-byte DTMF record.
 * Current Asterisk never sends it; it is decoded so that it can be reported rather than break the call.
 */
public final class LegacyFrame implements AudioSocketFrame {

    private final byte[] payload;

    public LegacyFrame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("Payload over " + MAX_PAYLOAD_LENGTH + " bytes");
        }
        this.payload = payload.clone();
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.LEGACY;
    }

    @Override
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyFrame other && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "LegacyFrame[" + HexFormat.of().formatHex(payload) + "]";
    }
}
