package org.apache.camel.component.audiosocket.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call's {@link Playback} on a real local channel pair, on a real event loop that counts the tasks given to it. The
 * far end reads the frames (8 kHz slin, each filled with one value) and notes when each arrived.
 */
final class LocalPlaybackCall implements AutoCloseable {

    static final int FRAME = AudioSocketKind.SLIN_8000.bytesPer20Millis();

    /**
     * A real event loop that counts every task handed to it, lazily or not, and apart those that wake it; and the tasks
     * scheduled on it (the pacing clock's wake-ups).
     */
    static final class CountingEventLoop extends DefaultEventLoop {
        final AtomicInteger tasks = new AtomicInteger();
        final AtomicInteger wakingTasks = new AtomicInteger();
        final AtomicInteger scheduled = new AtomicInteger();

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return super.schedule(command, delay, unit);
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            wakingTasks.incrementAndGet();
            super.execute(task);
        }

        @Override
        public void lazyExecute(Runnable task) {
            tasks.incrementAndGet();
            super.lazyExecute(task);
        }
    }

    /** A frame as the far end received it: the value its payload is filled with, and when. */
    record Received(int value, long atNanos) {
    }

    interface LoopWork<T> {
        T run() throws Exception;
    }

    final CountingEventLoop loop = new CountingEventLoop();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    final List<String> marks = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger framesAhead = new AtomicInteger();
    final AtomicInteger underruns = new AtomicInteger();
    /** For each frame the playback counted as sent, how many frames the far end had received at that moment. */
    final List<Integer> receivedWhenCounted = Collections.synchronizedList(new ArrayList<>());
    /** For each frame the playback counted as sent ahead, how many frames the far end had received at that moment. */
    final List<Integer> receivedWhenCountedAhead = Collections.synchronizedList(new ArrayList<>());
    final Playback playback;
    /** What the far end does with each frame's value as it reads it (on the event loop). */
    volatile IntConsumer onFrame = value -> {
    };
    /** What the listener of the mark "start" does (on the event loop, inside the pacer's tick). */
    volatile Runnable onMark = () -> {
    };
    /** When the mark "start" was reached. */
    volatile long startMarkNanos;
    private final Channel server;
    private final Channel call;

    /** A call with no catch-up limit, for a test's field (closed with {@code @AutoClose}). */
    static LocalPlaybackCall withoutCatchUp() {
        try {
            return new LocalPlaybackCall(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param catchUpLimitMillis the playback's catch-up limit; 0 for none */
    LocalPlaybackCall(long catchUpLimitMillis) throws InterruptedException {
        // loads the clock's class (and its logger) now: on a pacer's first frame it would make that frame late, and
        // the frames after it would catch up, as they should, which is not what the pacing tests look at
        PacingClock.millisOf(System.nanoTime());
        LocalAddress address = new LocalAddress("playback-" + UUID.randomUUID());
        server = new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf frame = (ByteBuf) msg;
                                assertEquals(AudioSocketKind.SLIN_8000.code(), frame.readUnsignedByte());
                                assertEquals(FRAME, frame.readUnsignedShort());
                                int value = frame.getByte(frame.readerIndex());
                                received.add(new Received(value, System.nanoTime()));
                                frame.release();
                                onFrame.accept(value);
                            }
                        });
                    }
                }).bind(address).sync().channel();
        call = new Bootstrap().group(loop).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter())
                .connect(address).sync().channel();
        playback = new Playback(call, new Playback.Listener() {
            @Override
            public void markReached(String name) {
                marks.add(name);
                if (name.equals("start")) {
                    startMarkNanos = System.nanoTime();
                    onMark.run();
                }
            }

            @Override
            public void hangupReached() {
            }

            @Override
            public void frameSent(int bytes) {
                receivedWhenCounted.add(received.size());
            }

            @Override
            public void underrun() {
                underruns.incrementAndGet();
            }

            @Override
            public void frameDropped(boolean firstOfTheCall) {
            }

            @Override
            public void frameSentAhead() {
                receivedWhenCountedAhead.add(received.size());
                framesAhead.incrementAndGet();
            }
        }, 10_000, catchUpLimitMillis, "test-call", AudioCodec.SLIN);
    }

    /** Plays {@code count} frames as one command, each filled with the next value from {@code first}. */
    void play(int first, int count) {
        byte[] pcm = new byte[count * FRAME];
        for (int i = 0; i < count; i++) {
            Arrays.fill(pcm, i * FRAME, (i + 1) * FRAME, (byte) (first + i));
        }
        try {
            playback.play(pcm, AudioSocketKind.SLIN_8000, Playback.DUE_WHEN_QUEUED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of the frames received so far, in order. */
    List<Integer> values() {
        synchronized (received) {
            return received.stream().map(Received::value).toList();
        }
    }

    /** When the frame with this value arrived. */
    long arrivalOf(int value) {
        synchronized (received) {
            return received.stream().filter(r -> r.value() == value).findFirst().orElseThrow().atNanos();
        }
    }

    void awaitFrames(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(count, received.size(), "frames received");
    }

    void awaitMarks(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (marks.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(count, marks.size(), "marks reached");
    }

    /** Runs {@code work} on the call's event loop and returns its result. */
    <T> T onLoop(LoopWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                ran.countDown();
            }
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        return result.get();
    }

    @Override
    public void close() {
        call.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
