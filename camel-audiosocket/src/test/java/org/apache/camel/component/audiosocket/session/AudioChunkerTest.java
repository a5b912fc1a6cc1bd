package org.apache.camel.component.audiosocket.session;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chunk sizes follow rate, duration and codec, including the longest chunks at the highest rates. */
class AudioChunkerTest {

    private final List<Integer> chunks = new ArrayList<>();

    @Test
    void oneMinuteChunksAt192kHzDoNotOverflow() {
        AudioChunker chunker = new AudioChunker(CallSettings.MAX_CHUNK_MILLIS, AudioCodec.SLIN);
        chunker.append(Unpooled.wrappedBuffer(new byte[7680]), 192000, (chunk, rate) -> chunks.add(chunk.length));
        assertEquals(List.of(), chunks, "20 ms of audio does not fill a one-minute chunk");
        chunker.flush((chunk, rate) -> chunks.add(chunk.length));
        assertEquals(List.of(7680), chunks);
    }

    @Test
    void chunkSizesFollowRateAndCodec() {
        new AudioChunker(100, AudioCodec.SLIN).append(Unpooled.wrappedBuffer(new byte[3528]), 44100,
                (chunk, rate) -> chunks.add(chunk.length));
        new AudioChunker(20, AudioCodec.ULAW).append(Unpooled.wrappedBuffer(new byte[161]), 8000,
                (chunk, rate) -> chunks.add(chunk.length));
        // 100 ms at 44.1 kHz is 4410 samples: nothing yet from 3528 bytes; 20 ms of µ-law is 160 bytes
        assertEquals(List.of(160), chunks);
    }
}
