package org.apache.camel.component.audiosocket.session;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream that came late catches up: while it is behind real time since it began, what comes goes at once rather than
 * in its slot, and while audio is waiting the pacer sends one frame more per tick, never more than the lateness (so
 * never ahead of real time), up to the catch-up limit; a pause or a CLEAR begins a new stream. Most tests play one
 * frame, and then, a moment after it has played (on the call's event loop, so that the moment is the loop's and not a
 * test thread's), more frames: at least 70 ms late. Counts are exact; the timings asserted tell apart frames sent
 * together or within a grid step from frames sent in their slot 15-20 ms later, with 5 ms or more to spare, and
 * stretches of paced frames from the same frames sent early, with 20 ms or more to spare.
 */
class PlaybackCatchUpTest {

    private LocalPlaybackCall call;

    @AfterEach
    void close() {
        call.close();
    }

    @Test
    void audioThatCameLateIsSentOneFrameAheadPerTickUntilItHasCaughtUp() throws Exception {
        call = new LocalPlaybackCall(1000);
        playLate(() -> call.play(2, 4));
        assertEquals(List.of(1, 2, 3, 4, 5), call.values());
        assertEquals(1, call.underruns.get());
        assertEquals(2, call.framesAhead.get(), "frames 3 and 5 went ahead, making up 40 of the 60 ms or more");
        assertEquals(List.of(2, 4), call.receivedWhenCountedAhead,
                "counted ahead before the far end could see them (it had frames 1-2, then 1-4)");
        assertSameTick(2, 3);
        assertSameTick(4, 5);
        // the timeline keeps its deadlines: frame 4 is due 20 ms after frame 2, not 40 (a loaded loop can make frame
        // 4 later, but not by 15 ms on an otherwise idle loop)
        long apart = millisBetween(2, 4);
        assertTrue(apart < 35, "frame 4 came " + apart + " ms after frame 2");
    }

    @Test
    void noMoreLatenessIsMadeUpThanTheLimit() throws Exception {
        call = new LocalPlaybackCall(20);
        playLate(() -> call.play(2, 4));
        assertEquals(List.of(1, 2, 3, 4, 5), call.values());
        assertEquals(1, call.framesAhead.get(), "one frame: the 20 ms of the limit");
        assertSameTick(2, 3);
    }

    @Test
    void lessLatenessThanAFrameSendsNothingAhead() throws Exception {
        call = new LocalPlaybackCall(10); // the stream is never taken to be more than 10 ms behind
        playLate(() -> call.play(2, 4));
        assertEquals(List.of(1, 2, 3, 4, 5), call.values());
        assertEquals(0, call.framesAhead.get(), "a 20 ms frame ahead would put the stream ahead of real time");
    }

    @Test
    void withoutALimitNothingIsSentAhead() throws Exception {
        call = new LocalPlaybackCall(0);
        playLate(() -> call.play(2, 4));
        assertEquals(List.of(1, 2, 3, 4, 5), call.values());
        assertEquals(0, call.framesAhead.get());
        // paced: frame 3 is due 20 ms after the grid step before frame 2, which went at once (up to 5 ms after it)
        assertTrue(millisBetween(2, 3) >= 10, "paced: frame 3 came " + millisBetween(2, 3) + " ms after frame 2");
    }

    @Test
    void aFrameThatComesBeforeItsSlotWhileTheStreamIsBehindGoesAtOnce() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        List<Long> sentInTheTaskThatGaveIt = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        call.onLoop(() -> {
            call.play(1, 1);
            // frame 2 comes 70 ms late or more, and frame 3 right after it, before its slot 20 ms later: as the stream
            // is still behind, it need not wait for the slot (as a late network's packets would not). Each goes out
            // in the task that gave it, with no wake-up of its own.
            for (int frame = 2, delay = 100; frame <= 3; frame++, delay += 5) {
                int value = frame;
                call.loop.schedule(() -> {
                    long before = call.playback.framesSent();
                    call.play(value, 1);
                    sentInTheTaskThatGaveIt.add(call.playback.framesSent() - before);
                }, delay, TimeUnit.MILLISECONDS);
            }
            return null;
        });
        call.awaitFrames(3);
        assertEquals(List.of(1, 2, 3), call.values());
        // (a local channel may deliver a frame to its peer within the write, before the task has noted what it sent)
        awaitTrue(() -> sentInTheTaskThatGaveIt.size() == 2);
        assertEquals(List.of(1L, 1L), sentInTheTaskThatGaveIt);
        assertEquals(0, call.framesAhead.get(), "no frame more in a tick: each went as it came");
        long apart = millisBetween(2, 3);
        assertTrue(apart < 12, "frame 3 came " + apart + " ms after frame 2, waiting for its slot");
    }

    @Test
    void audioFromAnotherThreadIsLookedForAndGoesAsSoonAsItMay() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        ScheduledExecutorService route = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger wakeUpsForFrame3 = new AtomicInteger(-1);
        try {
            // as above, but played by another thread (a route on the worker pool): after frame 2 the pacer looks for
            // more on the steps of the grid, so frame 3 needs no wake-up of the loop of its own, and it goes on the
            // first step after it came, not in its slot
            route.execute(() -> call.play(1, 1));
            route.schedule(() -> {
                call.play(2, 1);
                // once frame 2 is out, the pacer looks for more: frame 3 comes 2 ms later, well before its slot (the
                // far end may read frame 2 within its write, before the pacer has finished the tick that wrote it)
                while (call.received.size() < 2) {
                    Thread.onSpinWait();
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int before = call.loop.wakingTasks.get();
                call.play(3, 1);
                wakeUpsForFrame3.set(call.loop.wakingTasks.get() - before);
            }, 100, TimeUnit.MILLISECONDS);
            call.awaitFrames(3);
        } finally {
            route.shutdownNow();
        }
        assertEquals(List.of(1, 2, 3), call.values());
        awaitTrue(() -> wakeUpsForFrame3.get() >= 0);
        assertEquals(0, wakeUpsForFrame3.get(), "frame 3 was left for the pacer to find");
        long apart = millisBetween(2, 3);
        assertTrue(apart < 14, "frame 3 came " + apart + " ms after frame 2: in its slot (15 to 20 ms), not on a step");
    }

    @Test
    void aStreamOnTimeFromAnotherThreadIsLookedForOnceAFrame() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        ExecutorService route = Executors.newSingleThreadExecutor();
        int frames = 20;
        AtomicInteger wakeUpsAtFrame2 = new AtomicInteger();
        AtomicInteger wakeUpsAtLastFrame = new AtomicInteger();
        try {
            // an echo on the worker pool: each frame the far end reads is answered by the next, from another thread,
            // well before its slot. Such a stream is on time, so nothing it plays could go before the frame playing
            // has ended: the pacer looks for it then, once a frame, and not on every step of the grid in between.
            call.onFrame = value -> {
                if (value == 2) {
                    wakeUpsAtFrame2.set(call.loop.scheduled.get());
                } else if (value == frames) {
                    wakeUpsAtLastFrame.set(call.loop.scheduled.get());
                }
                if (value < frames) {
                    route.execute(() -> call.play(value + 1, 1));
                }
            };
            route.execute(() -> call.play(1, 1));
            call.awaitFrames(frames);
        } finally {
            route.shutdownNow();
        }
        assertEquals(java.util.stream.IntStream.rangeClosed(1, frames).boxed().toList(), call.values());
        assertEquals(0, call.underruns.get(), "each reply came before the frame before it had played");
        assertEquals(0, call.framesAhead.get());
        int wakeUps = wakeUpsAtLastFrame.get() - wakeUpsAtFrame2.get();
        // one per frame; a reply held up past its slot (a busy machine) costs a look or two more
        assertTrue(wakeUps >= frames - 2 && wakeUps < (frames - 2) * 3 / 2,
                "the pacer was woken " + wakeUps + " times for " + (frames - 2) + " frames");
        // (360 ms paced; a reply sent as it came, not in its slot, would take little more than the replies' own time)
        long apart = millisBetween(2, frames);
        assertTrue(apart >= (frames - 2) * 20 * 3 / 4, "paced: " + (frames - 2) + " frames in " + apart + " ms");
    }

    @Test
    void aNewStreamWhoseFirstFrameGoesLateBeginsWhenItGoes() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        call.onLoop(() -> {
            call.play(1, 4);
            // the loop is busy (dialling calls, say) past the first frame's deadline, by more than two frames
            Thread.sleep(50);
            return null;
        });
        call.awaitFrames(4);
        assertEquals(List.of(1, 2, 3, 4), call.values());
        assertEquals(0, call.framesAhead.get());
        // nothing had played, so nothing was owed: 20 ms apart from the first frame, not the frames it was late by
        // in a burst right after it (a prompt would be that much short)
        // (60 ms paced, 10 to 20 in the burst: the bound between them leaves a slow machine 20 ms of its own)
        long apart = millisBetween(1, 4);
        assertTrue(apart >= 40, "4 frames in " + apart + " ms");
    }

    @Test
    void audioQueuedAheadOfTimeIsNotBehindAndPlaysPaced() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        call.onLoop(() -> {
            call.play(1, 6);
            call.play(7, 4); // queued behind the first: waiting, but not late
            return null;
        });
        call.awaitFrames(10);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), call.values());
        assertEquals(0, call.framesAhead.get());
        // (180 ms paced; sent ahead, one frame more a tick, about 100)
        assertTrue(millisBetween(1, 10) >= 140, "10 frames in " + millisBetween(1, 10) + " ms");
    }

    @Test
    void aPauseBeginsANewStream() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        call.onLoop(() -> {
            call.play(1, 1);
            call.loop.schedule(() -> call.play(2, 4), 300, TimeUnit.MILLISECONDS); // past the underrun window
            return null;
        });
        call.awaitFrames(5);
        assertEquals(0, call.underruns.get());
        assertEquals(0, call.framesAhead.get());
    }

    @Test
    void aClearBeginsANewStream() throws Exception {
        call = new LocalPlaybackCall(1000);
        playLate(() -> {
            try {
                call.playback.clear();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            call.play(2, 4);
        });
        assertEquals(List.of(1, 2, 3, 4, 5), call.values());
        assertEquals(0, call.framesAhead.get(), "what follows a CLEAR is not late for what came before it");
    }

    @Test
    void aClearWhileATimelineRunsBeginsANewStreamAtItsNextDeadline() throws Exception {
        call = new LocalPlaybackCall(1000);
        warmUp();
        call.onLoop(() -> {
            call.play(1, 10);
            call.playback.clear(); // before the timeline's first frame: nothing of it has played
            call.play(2, 4);
            return null;
        });
        call.awaitFrames(4);
        Thread.sleep(60);
        assertEquals(List.of(2, 3, 4, 5), call.values());
        assertEquals(0, call.framesAhead.get(), "the new stream began on time");
    }

    /**
     * Plays frame 1, and 100 ms later, on the event loop, runs {@code late}: frame 1 has played by 30 ms at the latest
     * (5 ms to the grid, 20 ms of frame, a millisecond of clock), so whatever {@code late} plays is 70 ms late or more,
     * and well within the 200 ms after which it would be a new stream.
     */
    private void playLate(Runnable late) throws Exception {
        warmUp();
        call.onLoop(() -> {
            call.play(1, 1);
            call.loop.schedule(late, 100, TimeUnit.MILLISECONDS);
            return null;
        });
        call.awaitFrames(5);
        Thread.sleep(60); // nothing more comes
    }

    /**
     * Plays a frame first and waits out the underrun window: the first tick of a cold JVM (loading classes) can take
     * longer than the 100 ms the tests count on, and a late tick only delays the timeline, it does not make the audio
     * late.
     */
    private void warmUp() throws Exception {
        call.play(100, 1);
        call.playback.mark("warm");
        call.awaitMarks(1);
        Thread.sleep(250);
        call.received.clear();
        assertEquals(0, call.underruns.get());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertTrue(condition.getAsBoolean());
    }

    private void assertSameTick(int first, int second) {
        long apart = millisBetween(first, second);
        assertTrue(apart < 10, "frame " + second + " came " + apart + " ms after frame " + first + ", not with it");
    }

    private long millisBetween(int first, int second) {
        return TimeUnit.NANOSECONDS.toMillis(call.arrivalOf(second) - call.arrivalOf(first));
    }
}
