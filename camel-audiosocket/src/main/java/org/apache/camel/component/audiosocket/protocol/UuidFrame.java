package org.apache.camel.component.audiosocket.protocol;

import java.util.Objects;
import java.util.UUID;

/** Kind {@code 0x01}: the call's UUID, 16 bytes in RFC 4122 (big-endian) byte order. */
public record UuidFrame(UUID uuid) implements AudioSocketFrame {

    public static final int PAYLOAD_LENGTH = 16;

    public UuidFrame {
        Objects.requireNonNull(uuid, "uuid");
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.UUID;
    }

    @Override
    public int payloadLength() {
        return PAYLOAD_LENGTH;
    }
}
