package org.apache.camel.component.audiosocket.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/** A frame whose payload is a few opaque bytes, kept as a private copy: the error and legacy frames. */
abstract class BytesFrame {

    private final byte[] payload;

    BytesFrame(byte[] payload) {
        if (payload.length > AudioSocketFrame.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("Payload over " + AudioSocketFrame.MAX_PAYLOAD_LENGTH + " bytes");
        }
        this.payload = payload.clone();
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The first payload byte (0-255), or -1 when there is none. */
    int firstByte() {
        return payload.length == 0 ? -1 : payload[0] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(payload, ((BytesFrame) o).payload);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + HexFormat.of().formatHex(payload) + "]";
    }
}
