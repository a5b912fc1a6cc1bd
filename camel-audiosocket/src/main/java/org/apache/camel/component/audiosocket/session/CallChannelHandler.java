package org.apache.camel.component.audiosocket.session;

import java.io.IOException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolException;
import org.apache.camel.component.audiosocket.protocol.DtmfFrame;
import org.apache.camel.component.audiosocket.protocol.ErrorFrame;
import org.apache.camel.component.audiosocket.protocol.HangupFrame;
import org.apache.camel.component.audiosocket.protocol.InvalidMessage;
import org.apache.camel.component.audiosocket.protocol.LegacyFrame;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;

/**
 * The last handler of a call's pipeline, on either end: hands what the decoder produced, and what happens to the
 * connection, to the call's {@link CallSession}.
 */
public final class CallChannelHandler extends ChannelInboundHandlerAdapter {

    private final CallSession call;
    private final CallHost host;
    /**
     * An I/O error came since the last read completed. Netty reports a failed read as the read's completion, the error,
     * then the input's end, where a FIN is the read's completion and the input's end: so an input that ends right after
     * an error ended in that error.
     */
    private boolean ioErrorSinceRead;

    public CallChannelHandler(CallSession call, CallHost host) {
        this.call = call;
        this.host = host;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        call.onConnected();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf audio) {
                // the decoder hands audio on as buffers (audioAsBuffers): no frame object per 20 ms message
                AudioSocketKind kind = AudioSocketFrameDecoder.audioKind(audio);
                if (kind == null || !kind.isAudio()) {
                    throw new IllegalStateException("Not an audio message: " + audio);
                }
                call.onAudio(kind, audio);
            } else if (msg instanceof UuidFrame uuid) {
                call.onUuid(uuid.uuid());
            } else if (msg instanceof DtmfFrame dtmf) {
                call.onDtmf(dtmf.digit());
            } else if (msg instanceof InvalidMessage invalid) {
                call.onInvalidMessage(invalid);
            } else if (msg instanceof HangupFrame) {
                call.onPeerHangup();
            } else if (msg instanceof ErrorFrame error) {
                call.onPeerError(error);
            } else if (msg instanceof LegacyFrame legacy) {
                call.onLegacyFrame(legacy);
            } else if (msg instanceof AudioSocketProtocolException truncated) {
                // the decoder's report of a stream that ended inside a message, in order after the last frame
                call.onProtocolError(truncated);
            } else {
                // e.g. an AudioFrame: every pipeline of the component decodes audio with audioAsBuffers()
                throw new IllegalStateException("Unexpected message from the decoder: " + msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ioErrorSinceRead = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable protocolError = cause;
        while (protocolError instanceof DecoderException && !(protocolError instanceof AudioSocketProtocolException)
               && protocolError.getCause() != null) {
            protocolError = protocolError.getCause();
        }
        if (protocolError instanceof AudioSocketProtocolException error) {
            call.onProtocolError(error);
        } else if (cause instanceof IOException) {
            ioErrorSinceRead = true;
            call.onIoError(cause);
        } else {
            host.internalError(call, cause);
            call.onConnectionError(cause);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            // (the channels allow half-closure, so that an error is never taken for the end of the input before it)
            call.onInputClosed(ioErrorSinceRead);
        } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
            call.onWriterIdle();
        } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            call.onReaderIdle();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            call.onClosed();
        } finally {
            host.connectionClosed(call);
            super.channelInactive(ctx);
        }
    }
}
