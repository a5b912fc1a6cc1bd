package org.apache.camel.component.audiosocket.support;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.apache.camel.component.audiosocket.protocol.AudioFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.DtmfFrame;
import org.apache.camel.component.audiosocket.protocol.ErrorFrame;
import org.apache.camel.component.audiosocket.protocol.HangupFrame;
import org.apache.camel.component.audiosocket.protocol.LegacyFrame;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;

/**
 * A message reduced to what the wire carries, its kind byte and its payload bytes, compared by value. Lets a test
 * compare decoded frames with the bytes of a capture or with {@link Frames} without going through the encoder.
 */
public record WireMessage(int kind, byte[] payload) {

    /**
     * The wire form of a decoded frame; an {@link AudioFrame} (or an audio message decoded as a buffer) is released once
     * its bytes are copied out. Anything
     * that is not a frame (such as an exception the decoder emitted) fails the test, naming it.
     */
    public static WireMessage of(Object decoded) {
        if (decoded instanceof ByteBuf audioMessage) {
            // an audio message of a decoder set to audioAsBuffers()
            try {
                return new WireMessage(AudioSocketFrameDecoder.audioKind(audioMessage).code(),
                        ByteBufUtil.getBytes(audioMessage));
            } finally {
                audioMessage.release();
            }
        }
        if (decoded instanceof AudioFrame audio) {
            try {
                return new WireMessage(audio.kind().code(), ByteBufUtil.getBytes(audio.content()));
            } finally {
                audio.release();
            }
        }
        if (decoded instanceof UuidFrame uuid) {
            return new WireMessage(0x01, ByteBuffer.allocate(16).putLong(uuid.uuid().getMostSignificantBits())
                    .putLong(uuid.uuid().getLeastSignificantBits()).array());
        }
        if (decoded instanceof DtmfFrame dtmf) {
            return new WireMessage(0x03, new byte[] { (byte) dtmf.digit() });
        }
        if (decoded instanceof HangupFrame) {
            return new WireMessage(0x00, new byte[0]);
        }
        if (decoded instanceof ErrorFrame error) {
            return new WireMessage(0xff, error.payload());
        }
        if (decoded instanceof LegacyFrame legacy) {
            return new WireMessage(0x02, legacy.payload());
        }
        throw new AssertionError("Not a frame: " + decoded, decoded instanceof Throwable t ? t : null);
    }

    /** The wire form of every decoded message, in order (audio frames released). */
    public static List<WireMessage> ofAll(List<Object> decoded) {
        List<WireMessage> out = new ArrayList<>(decoded.size());
        for (Object o : decoded) {
            out.add(of(o));
        }
        return out;
    }

    /** Every message of a capture as its sidecar places it, payloads cut straight from the raw bytes. */
    public static List<WireMessage> expected(Capture capture) {
        byte[] bytes = capture.bytes();
        List<WireMessage> out = new ArrayList<>();
        for (Capture.Message m : capture.messages()) {
            out.add(new WireMessage(m.kind(), Arrays.copyOfRange(bytes, m.offset() + 3, m.offset() + 3 + m.length())));
        }
        return out;
    }

    /** Parses a raw message as built by {@link Frames} (kind, 2-byte length, payload). */
    public static WireMessage parse(byte[] message) {
        int length = (message[1] & 0xff) << 8 | (message[2] & 0xff);
        if (message.length != 3 + length) {
            throw new IllegalArgumentException("Not one whole message: " + message.length + " bytes for length " + length);
        }
        return new WireMessage(message[0] & 0xff, Arrays.copyOfRange(message, 3, message.length));
    }

    public int length() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMessage other && kind == other.kind && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * kind + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(payload, 0, Math.min(8, payload.length));
        return String.format("0x%02x/%d[%s%s #%08x]", kind, payload.length, head, payload.length > 8 ? "..." : "",
                Arrays.hashCode(payload));
    }
}
