package org.apache.camel.component.audiosocket.session;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

import io.netty.buffer.ByteBuf;
import org.apache.camel.component.audiosocket.audio.AudioCodec;

/**
 * Groups a call's incoming audio into chunks of a fixed duration. Chunks count audio, not time: a call that sends
 * nothing for a while (a silent caller, a DTMF digit) simply fills its chunk later. This is where received audio is
 * copied out of the socket's buffer, once, into the array that becomes the exchange body.
 */
final class AudioChunker {

    private final int chunkMillis;
    private final AudioCodec codec;
    private byte[] chunk;
    private int filled;
    private int sampleRate;

    AudioChunker(int chunkMillis, AudioCodec codec) {
        this.chunkMillis = chunkMillis;
        this.codec = codec;
    }

    /** The codec of the audio this chunker groups. */
    AudioCodec codec() {
        return codec;
    }

    /**
     * Appends a payload at the given rate, handing each chunk it completes to {@code sink} with the chunk's rate. A
     * change of rate first flushes the chunk begun at the old one.
     */
    void append(ByteBuf payload, int rate, ObjIntConsumer<byte[]> sink) {
        if (rate != sampleRate) {
            flush(sink);
            sampleRate = rate;
        }
        int chunkBytes = (int) Math.max(1, (long) rate * chunkMillis / 1000) * codec.bytesPerSample();
        while (payload.isReadable()) {
            if (chunk == null) {
                chunk = new byte[chunkBytes];
                filled = 0;
            }
            int n = Math.min(payload.readableBytes(), chunkBytes - filled);
            payload.readBytes(chunk, filled, n);
            filled += n;
            if (filled == chunkBytes) {
                byte[] full = chunk;
                chunk = null;
                sink.accept(full, rate);
            }
        }
    }

    /** Hands on the audio of the chunk begun so far, if any. */
    void flush(ObjIntConsumer<byte[]> sink) {
        if (chunk != null) {
            byte[] partial = Arrays.copyOf(chunk, filled);
            chunk = null;
            if (partial.length > 0) {
                sink.accept(partial, sampleRate);
            }
        }
    }
}
