package org.apache.camel.component.audiosocket.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Kind {@code 0xff}: an error. Asterisk's own module defines a one-byte, bit-packed code ({@code 0x01} the calling
 * party hung up, {@code 0x02} frame forwarding failed, {@code 0x04} out of memory); other peers may send codes of their
 * own, or none.
 */
public final class ErrorFrame implements AudioSocketFrame {

    public static final int CODE_CALLER_HANGUP = 0x01;
    public static final int CODE_FRAME_FORWARDING = 0x02;
    public static final int CODE_MEMORY = 0x04;

    private final byte[] payload;

    public ErrorFrame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("Error payload over " + MAX_PAYLOAD_LENGTH + " bytes");
        }
        this.payload = payload.clone();
    }

    /** An error frame with a one-byte code. */
    public static ErrorFrame ofCode(int code) {
        return new ErrorFrame(new byte[] { (byte) code });
    }

    /** The first payload byte (0-255), or -1 when the peer sent no code. */
    public int code() {
        return payload.length == 0 ? -1 : payload[0] & 0xff;
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.ERROR;
    }

    @Override
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorFrame other && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ErrorFrame[" + HexFormat.of().formatHex(payload) + "]";
    }
}
