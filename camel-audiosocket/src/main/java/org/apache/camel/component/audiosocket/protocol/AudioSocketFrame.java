package org.apache.camel.component.audiosocket.protocol;

/**
 * One AudioSocket message: {@code kind} (1 byte), {@code length} (2 bytes, big-endian), {@code payload}.
 * <p>
 * The frame types are immutable. {@link AudioFrame} is the only one that holds a (reference counted) Netty buffer,
 * so that audio travels from the socket to the exchange without an intermediate copy.
 */
public sealed interface AudioSocketFrame permits HangupFrame, UuidFrame, DtmfFrame, AudioFrame, ErrorFrame, LegacyFrame {

    /** The largest payload the 16-bit length field can announce. */
    int MAX_PAYLOAD_LENGTH = 0xffff;

    /** Bytes of the header in front of every payload: kind and length. */
    int HEADER_LENGTH = 3;

    AudioSocketKind kind();

    /** Bytes of payload this frame puts on the wire. */
    int payloadLength();
}
