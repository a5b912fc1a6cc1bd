package org.apache.camel.component.audiosocket.protocol;

/**
 * Kind {@code 0x02}: defined as "silence" by the original Go library and reused by one fork for a 6-byte DTMF record.
 * Current Asterisk never sends it; it is decoded so that it can be reported rather than break the call.
 */
public final class LegacyFrame extends BytesFrame implements AudioSocketFrame {

    public LegacyFrame(byte[] payload) {
        super(payload);
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.LEGACY;
    }
}
