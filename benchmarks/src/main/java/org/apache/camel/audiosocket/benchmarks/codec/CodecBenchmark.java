package org.apache.camel.audiosocket.benchmarks.codec;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.camel.component.audiosocket.protocol.AudioFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameEncoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec on one 20 ms audio message, at 8, 16 and 48 kHz: decoding it as it arrives from a socket (whole, or split
 * in two reads across its header), and encoding it into a pooled buffer as the pacer sends it. Run with
 * {@code -prof gc} for {@code gc.alloc.rate.norm}, the bytes allocated per message.
 *
 * <p>
 * Decoding goes through Netty's {@link EmbeddedChannel}, so the figures include a pipeline's hand-over of the message
 * (as on a real channel); {@code decodeBaseline} measures that hand-over alone, with no decoder in the pipeline.
 * {@code decodeWhole} and {@code decodeSplit} decode as the component's pipelines do, audio handed on as the received
 * buffer's slice ({@link AudioSocketFrameDecoder#audioAsBuffers()}); {@code decodeWholeToFrame} as an
 * {@link AudioFrame}, the decoder's default. Buffers come from {@link ByteBufAllocator#DEFAULT}, as a channel's do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    @Param({ "8000", "16000", "48000" })
    int sampleRate;

    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT; // a channel's allocator, unless configured
    private EmbeddedChannel decoding;
    private EmbeddedChannel decodingToFrames;
    private EmbeddedChannel passThrough;
    private ByteBuf wire;
    private ByteBuf head;
    private ByteBuf tail;
    private AudioFrame frame;

    @Setup(Level.Trial)
    public void setUp() {
        AudioSocketKind kind = AudioSocketKind.forSampleRate(sampleRate);
        int payload = sampleRate / 50 * 2;
        ByteBuf audio = alloc.directBuffer(payload);
        for (int i = 0; i < payload; i++) {
            audio.writeByte(i * 31);
        }
        frame = new AudioFrame(kind, audio);

        wire = alloc.directBuffer(3 + payload);
        AudioSocketFrameEncoder.writeFrame(frame, wire);
        // the same message in two reads, cut inside its header
        head = wire.retainedSlice(0, 2);
        tail = wire.retainedSlice(2, wire.readableBytes() - 2);

        decoding = new EmbeddedChannel(new AudioSocketFrameDecoder(65535, true).audioAsBuffers());
        decodingToFrames = new EmbeddedChannel(new AudioSocketFrameDecoder(65535, true));
        for (EmbeddedChannel channel : new EmbeddedChannel[] { decoding, decodingToFrames }) {
            channel.writeInbound(alloc.buffer(19).writeByte(0x01).writeShort(16).writeLong(1).writeLong(2));
            ((UuidFrame) channel.readInbound()).getClass(); // the call's UUID first, as on a real call
        }
        passThrough = new EmbeddedChannel();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        decoding.finishAndReleaseAll();
        decodingToFrames.finishAndReleaseAll();
        passThrough.finishAndReleaseAll();
        head.release();
        tail.release();
        wire.release();
        frame.release();
    }

    @Benchmark
    public int decodeWhole() {
        decoding.writeInbound(wire.retain().readerIndex(0));
        return release(decoding.readInbound());
    }

    @Benchmark
    public int decodeWholeToFrame() {
        decodingToFrames.writeInbound(wire.retain().readerIndex(0));
        AudioFrame decoded = decodingToFrames.readInbound();
        int length = decoded.payloadLength();
        decoded.release();
        return length;
    }

    @Benchmark
    public int decodeSplit() {
        decoding.writeInbound(head.retain().readerIndex(0));
        decoding.writeInbound(tail.retain().readerIndex(0));
        return release(decoding.readInbound());
    }

    @Benchmark
    public int decodeBaseline() {
        passThrough.writeInbound(wire.retain().readerIndex(0));
        ByteBuf passed = passThrough.readInbound();
        int length = passed.readableBytes();
        passed.release();
        return length;
    }

    @Benchmark
    public int encode() {
        ByteBuf out = alloc.ioBuffer(3 + frame.payloadLength());
        AudioSocketFrameEncoder.writeFrame(frame, out);
        int length = out.readableBytes();
        out.release();
        return length;
    }

    private static int release(ByteBuf decoded) {
        int length = decoded.readableBytes();
        decoded.release();
        return length;
    }
}
