package org.apache.camel.component.audiosocket.protocol;

/**
 * Kind {@code 0xff}: an error. Asterisk's own module defines a one-byte, bit-packed code ({@code 0x01} the calling
 * party hung up, {@code 0x02} frame forwarding failed, {@code 0x04} out of memory); other peers may send codes of their
 * own, or none.
 */
public final class ErrorFrame extends BytesFrame implements AudioSocketFrame {

    public static final int CODE_CALLER_HANGUP = 0x01;
    public static final int CODE_FRAME_FORWARDING = 0x02;
    public static final int CODE_MEMORY = 0x04;

    public ErrorFrame(byte[] payload) {
        super(payload);
    }

    /** An error frame with a one-byte code. */
    public static ErrorFrame ofCode(int code) {
        return new ErrorFrame(new byte[] { (byte) code });
    }

    /** The first payload byte (0-255), or -1 when the peer sent no code. */
    public int code() {
        return firstByte();
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.ERROR;
    }
}
