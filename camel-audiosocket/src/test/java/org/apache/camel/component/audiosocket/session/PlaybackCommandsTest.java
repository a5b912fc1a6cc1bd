package org.apache.camel.component.audiosocket.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How commands reach a call's pacer: one given on the call's own event loop (the reply of a route running there) goes
 * straight into the playlist with no task, yet never ahead of a command another thread gave before it, and never into
 * the middle of a tick. The call is a real channel pair on a real event loop that counts the tasks given to it; the
 * frames are read on the other end.
 */
class PlaybackCommandsTest {

    private static final int FRAME = AudioSocketKind.SLIN_8000.bytesPer20Millis();

    /** A real event loop that counts every task handed to it, lazily or not. */
    private static final class CountingEventLoop extends DefaultEventLoop {
        final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            super.execute(task);
        }

        @Override
        public void lazyExecute(Runnable task) {
            tasks.incrementAndGet();
            super.lazyExecute(task);
        }
    }

    /** A frame as the far end received it: the value its payload is filled with, and when. */
    private record Received(int value, long atNanos) {
    }

    private final CountingEventLoop loop = new CountingEventLoop();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> marks = Collections.synchronizedList(new ArrayList<>());
    private Channel server;
    private Channel call;
    private Playback playback;
    /** What the listener of the mark "start" does (on the event loop, inside the pacer's tick). */
    private volatile Runnable onMark = () -> {
    };
    /** When the mark "start" was reached. */
    private volatile long startMarkNanos;

    @BeforeEach
    void connect() throws Exception {
        // loads the clock's class (and its logger) now: on a pacer's first frame it would make that frame late, and
        // the frames after it would catch up, as they should, which is not what the pacing test looks at
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
                                received.add(new Received(frame.getByte(frame.readerIndex()), System.nanoTime()));
                                frame.release();
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
            }

            @Override
            public void underrun() {
            }

            @Override
            public void frameDropped(boolean firstOfTheCall) {
            }
        }, 10_000, "test-call", AudioCodec.SLIN);
    }

    @AfterEach
    void close() {
        call.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aCommandGivenOnTheCallsEventLoopTakesNoTask() throws Exception {
        int tasks = onLoop(() -> {
            int before = loop.tasks.get();
            play(1, 3);
            playback.mark("after three");
            return loop.tasks.get() - before;
        });
        assertEquals(0, tasks, "the audio and the mark went straight into the playlist");
        awaitFrames(3);
        assertEquals(List.of(1, 2, 3), values());
        awaitMarks(1);
    }

    @Test
    void aCommandFromAnotherThreadStillInTheInboxGoesFirst() throws Exception {
        onLoop(() -> {
            // another thread plays first; its task waits behind this one, so its audio is still in the inbox
            Thread other = new Thread(() -> play(1, 2));
            other.start();
            other.join();
            play(3, 2);
            return null;
        });
        awaitFrames(4);
        assertEquals(List.of(1, 2, 3, 4), values(), "in the order the commands were given");
    }

    @Test
    void aCommandGivenDuringATickIsPacedLikeAnyOther() throws Exception {
        int frames = 6;
        // a first frame and mark, so that the frames measured below are not late for the loading of classes: late
        // ones would make a second pacing chain look slower than it is
        play(100, 1);
        playback.mark("warm");
        awaitMarks(1);
        received.clear();
        // the mark's listener plays more audio from inside the tick that reached the mark
        onMark = () -> play(1, frames);
        onLoop(() -> {
            playback.mark("start");
            return null;
        });
        awaitFrames(frames);
        Thread.sleep(100); // a second pacing chain would go on sending
        assertEquals(List.of(1, 2, 3, 4, 5, 6), values(), "each frame exactly once");
        // the six frames take 100 ms from the first, which is sent no earlier than the mark (a late loop only makes
        // them later); a second pacing chain would have sent the last one after 80 ms
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(received.get(frames - 1).atNanos() - startMarkNanos);
        assertTrue(tookMillis >= (frames - 1) * 20 - 5,
                "paced at 20 ms a frame: the last of 6 frames arrived " + tookMillis + " ms after the mark");
    }

    /** Plays {@code count} frames, each filled with the next value from {@code first}. */
    private void play(int first, int count) {
        byte[] pcm = new byte[count * FRAME];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pcm, i * FRAME, (i + 1) * FRAME, (byte) (first + i));
        }
        try {
            playback.play(pcm, AudioSocketKind.SLIN_8000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> values() {
        synchronized (received) {
            return received.stream().map(Received::value).toList();
        }
    }

    private void awaitFrames(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(count, received.size(), "frames received");
    }

    private void awaitMarks(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (marks.size() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(count, marks.size(), "marks reached");
    }

    private interface LoopWork<T> {
        T run() throws Exception;
    }

    private <T> T onLoop(LoopWork<T> work) throws Exception {
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
}
