package org.apache.camel.component.audiosocket.protocol;

import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes each {@link AudioSocketFrame} as one buffer holding header and payload together, so that every message
 * leaves in a single write: Asterisk ends the call when a payload arrives more than ~5 ms after its header.
 */
@Sharable
public class AudioSocketFrameEncoder extends MessageToByteEncoder<AudioSocketFrame> {

    /** The encoder holds no state: one instance serves every channel. */
    public static final AudioSocketFrameEncoder INSTANCE = new AudioSocketFrameEncoder();

    public AudioSocketFrameEncoder() {
        super(AudioSocketFrame.class, true);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, AudioSocketFrame frame, boolean preferDirect) {
        return ctx.alloc().ioBuffer(AudioSocketFrame.HEADER_LENGTH + frame.payloadLength());
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AudioSocketFrame frame, ByteBuf out) {
        writeFrame(frame, out);
    }

    /**
     * An audio message's wire form, header and payload, in one pooled buffer that is written as it is (it passes this
     * encoder untouched): the pacer's way to send, with no frame object and no second pass per 20 ms frame.
     */
    public static ByteBuf audioMessage(ByteBufAllocator allocator, AudioSocketKind kind, byte[] payload, int offset,
            int length) {
        ByteBuf message = allocator.ioBuffer(AudioSocketFrame.HEADER_LENGTH + length);
        return message.writeByte(kind.code()).writeShort(length).writeBytes(payload, offset, length);
    }

    /** Appends the frame's wire form (header then payload) to {@code out}. */
    public static void writeFrame(AudioSocketFrame frame, ByteBuf out) {
        out.writeByte(frame.kind().code());
        out.writeShort(frame.payloadLength());
        if (frame instanceof AudioFrame audio) {
            ByteBuf payload = audio.content();
            out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        } else if (frame instanceof UuidFrame uuidFrame) {
            UUID uuid = uuidFrame.uuid();
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        } else if (frame instanceof DtmfFrame dtmf) {
            out.writeByte(dtmf.digit());
        } else if (frame instanceof ErrorFrame error) {
            out.writeBytes(error.payload());
        } else if (frame instanceof LegacyFrame legacy) {
            out.writeBytes(legacy.payload());
        }
    }
}
