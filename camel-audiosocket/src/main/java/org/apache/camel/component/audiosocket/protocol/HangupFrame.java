package org.apache.camel.component.audiosocket.protocol;

/** Kind {@code 0x00}: the sender ends the call. On the wire: {@code 00 00 00}. */
public record HangupFrame() implements AudioSocketFrame {

    public static final HangupFrame INSTANCE = new HangupFrame();

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.HANGUP;
    }

    @Override
    public int payloadLength() {
        return 0;
    }
}
