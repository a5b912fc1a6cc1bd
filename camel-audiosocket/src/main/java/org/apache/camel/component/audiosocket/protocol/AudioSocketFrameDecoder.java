package org.apache.camel.component.audiosocket.protocol;

import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.FIRST_FRAME_NOT_UUID;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.FRAME_TOO_LARGE;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_AUDIO_LENGTH;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_DTMF;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.INVALID_UUID_LENGTH;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.TRUNCATED_FRAME;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.UNEXPECTED_KIND;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.UNEXPECTED_UUID;
import static org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError.UNKNOWN_KIND;

/**
 * Turns a byte stream into {@link AudioSocketFrame}s, however the stream was split or coalesced by TCP.
 * <p>
 * Framing is Netty's {@link LengthFieldBasedFrameDecoder} (a 2-byte length after the 1-byte kind); audio payloads are
 * handed on as retained slices of the receive buffer, not copied. A header is checked as soon as its bytes are there,
 * so that a bad message is rejected without waiting for a payload that may never come. After the first error, and
 * after a hangup message (the last message of a call: Asterisk closes the connection right after sending one), the
 * decoder discards everything else on the connection: the connection is about to be closed.
 * <p>
 * With {@link #audioAsBuffers()}, audio messages are handed on as those slices themselves rather than as
 * {@link AudioFrame}s, which saves an object per message (50 a second per call): the component's own pipelines work
 * that way.
 * <p>
 * Errors are thrown as {@link AudioSocketProtocolException}, with two exceptions. A stream that ends inside a message
 * is only known when the connection closes, so the exception is then emitted as the last message, after every frame
 * decoded before it. A DTMF message whose byte is not a digit leaves the stream in step: it is emitted in order as an
 * {@link InvalidMessage}, and decoding goes on.
 */
public class AudioSocketFrameDecoder extends LengthFieldBasedFrameDecoder {

    private final int maxPayloadLength;
    private final int bytesPerSample;
    private final boolean fromServer;
    private boolean audioAsBuffers;
    private boolean expectingUuid;
    /** After an error or a hangup message: nothing more on this connection is decoded. */
    private boolean over;

    /**
     * A decoder for 16-bit audio.
     *
     * @param maxPayloadLength largest payload accepted, at most {@value AudioSocketFrame#MAX_PAYLOAD_LENGTH}
     * @param uuidFirst        whether the first message must be the UUID (true on the server side, where Asterisk
     *                         connects)
     */
    public AudioSocketFrameDecoder(int maxPayloadLength, boolean uuidFirst) {
        this(maxPayloadLength, uuidFirst, 2);
    }

    /**
     * @param maxPayloadLength largest payload accepted, at most {@value AudioSocketFrame#MAX_PAYLOAD_LENGTH}
     * @param uuidFirst        whether the first message must be the UUID (true on the server side, where Asterisk
     *                         connects)
     * @param bytesPerSample   2 for slin, whose audio payloads must hold whole 16-bit samples; 1 for G.711, whose
     *                         payloads Asterisk labels as slin but may have any length
     */
    public AudioSocketFrameDecoder(int maxPayloadLength, boolean uuidFirst, int bytesPerSample) {
        this(maxPayloadLength, uuidFirst, bytesPerSample, false);
    }

    /**
     * A decoder for what a server sends to Asterisk, checked as Asterisk checks it: audio of any length but zero, and
     * hangup messages; anything else ends the call. For client mode, which plays the Asterisk side.
     *
     * @param maxPayloadLength largest payload accepted, at most {@value AudioSocketFrame#MAX_PAYLOAD_LENGTH}
     */
    public static AudioSocketFrameDecoder forServerMessages(int maxPayloadLength) {
        return new AudioSocketFrameDecoder(maxPayloadLength, false, 1, true);
    }

    private AudioSocketFrameDecoder(int maxPayloadLength, boolean uuidFirst, int bytesPerSample, boolean fromServer) {
        super(ByteOrder.BIG_ENDIAN, AudioSocketFrame.HEADER_LENGTH + AudioSocketFrame.MAX_PAYLOAD_LENGTH, 1, 2, 0, 0, true);
        this.fromServer = fromServer;
        if (maxPayloadLength < 1 || maxPayloadLength > AudioSocketFrame.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException(
                    "maxPayloadLength must be 1 to " + AudioSocketFrame.MAX_PAYLOAD_LENGTH + ", not " + maxPayloadLength);
        }
        this.maxPayloadLength = maxPayloadLength;
        this.bytesPerSample = bytesPerSample;
        this.expectingUuid = uuidFirst;
    }

    /**
     * Hands audio messages on as buffers instead of {@link AudioFrame}s: each is the retained slice of the whole
     * message from the received bytes, its reader index on the payload, so that its readable bytes are the audio and
     * {@link #audioKind(ByteBuf)} tells its kind. The receiver releases it. Other messages are frames as before. Call
     * before the decoder is added to a pipeline.
     *
     * @return this decoder
     */
    public AudioSocketFrameDecoder audioAsBuffers() {
        this.audioAsBuffers = true;
        return this;
    }

    /**
     * The kind of an audio message handed on as a buffer by a decoder set to {@link #audioAsBuffers()}: the message's
     * first byte, just before the header's length and the payload.
     */
    public static AudioSocketKind audioKind(ByteBuf audioMessage) {
        return AudioSocketKind.fromCode(audioMessage.getUnsignedByte(0));
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (over) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (in.isReadable()) {
            checkKind(in.getUnsignedByte(in.readerIndex()));
        }
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        return frame == null ? null : toFrame(frame);
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        AudioSocketKind kind = AudioSocketKind.fromCode(buf.getUnsignedByte(offset - 1));
        int payloadLength = buf.getUnsignedShort(offset);
        checkLength(kind, payloadLength);
        return payloadLength;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (!over && in.isReadable()) {
            int remaining = in.readableBytes();
            String what = remaining < AudioSocketFrame.HEADER_LENGTH
                    ? remaining + " byte(s) of a message header"
                    : (remaining - AudioSocketFrame.HEADER_LENGTH) + " of " + in.getUnsignedShort(in.readerIndex() + 1)
                      + " payload bytes of a " + describeKind(in.getUnsignedByte(in.readerIndex())) + " message";
            in.skipBytes(remaining);
            over = true;
            out.add(new AudioSocketProtocolException(TRUNCATED_FRAME, "connection closed after " + what));
        }
    }

    private void checkKind(int code) {
        AudioSocketKind kind = AudioSocketKind.fromCode(code);
        if (kind == null) {
            throw fail(UNKNOWN_KIND, String.format("message kind 0x%02x is not defined by the protocol", code));
        }
        if (fromServer && !kind.isAudio() && kind != AudioSocketKind.HANGUP) {
            throw fail(UNEXPECTED_KIND, "the server sent " + kind + ", but Asterisk accepts only audio and hangup"
                                        + " messages from a server and ends the call on anything else");
        }
        if (expectingUuid && kind != AudioSocketKind.UUID) {
            throw fail(FIRST_FRAME_NOT_UUID, "the first message must be the call's UUID (0x01), not " + kind);
        }
        if (!expectingUuid && kind == AudioSocketKind.UUID) {
            throw fail(UNEXPECTED_UUID, "the call already has its UUID");
        }
    }

    private void checkLength(AudioSocketKind kind, int length) {
        if (length > maxPayloadLength) {
            throw fail(FRAME_TOO_LARGE,
                    "a " + kind + " payload of " + length + " bytes is over the limit of " + maxPayloadLength);
        }
        if (kind == AudioSocketKind.UUID && length != UuidFrame.PAYLOAD_LENGTH) {
            throw fail(INVALID_UUID_LENGTH, "a UUID payload is 16 bytes, not " + length);
        }
        if (kind == AudioSocketKind.DTMF && length != 1) {
            throw fail(INVALID_DTMF, "a DTMF payload is 1 byte, not " + length);
        }
        if (kind.isAudio() && (length == 0 || length % bytesPerSample != 0)) {
            throw fail(INVALID_AUDIO_LENGTH, length == 0
                    ? "a " + kind + " message must carry audio, not 0 bytes"
                    : "audio payloads hold whole 16-bit samples: " + length + " bytes of " + kind + " is not one");
        }
    }

    private Object toFrame(ByteBuf frame) {
        AudioSocketKind kind = AudioSocketKind.fromCode(frame.readUnsignedByte());
        frame.skipBytes(2);
        if (kind.isAudio()) {
            // the slice is handed on as it is: the receiver of the frame releases it
            return audioAsBuffers ? frame : new AudioFrame(kind, frame);
        }
        try {
            switch (kind) {
                case UUID:
                    expectingUuid = false;
                    return new UuidFrame(new UUID(frame.readLong(), frame.readLong()));
                case DTMF:
                    int digit = frame.readUnsignedByte();
                    if (!DtmfFrame.isDigit(digit)) {
                        return new InvalidMessage(INVALID_DTMF, String.format("byte 0x%02x is not a DTMF digit", digit));
                    }
                    return new DtmfFrame((char) digit);
                case HANGUP:
                    over = true;
                    return HangupFrame.INSTANCE;
                case ERROR:
                    return new ErrorFrame(ByteBufUtil.getBytes(frame));
                case LEGACY:
                    return new LegacyFrame(ByteBufUtil.getBytes(frame));
                default:
                    throw new IllegalStateException("Unhandled kind " + kind);
            }
        } finally {
            frame.release();
        }
    }

    private AudioSocketProtocolException fail(AudioSocketProtocolError error, String message) {
        over = true;
        return new AudioSocketProtocolException(error, message);
    }

    private static String describeKind(int code) {
        AudioSocketKind kind = AudioSocketKind.fromCode(code);
        return kind != null ? kind.toString() : String.format("0x%02x", code);
    }
}
