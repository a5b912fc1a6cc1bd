package org.apache.camel.component.audiosocket.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop's pacing clock, on a real Netty event loop: every pacer is woken once, never before the millisecond of
 * its deadline, in the order of the deadlines, and pacers due in the same millisecond share one wake-up of the loop.
 */
class PacingClockTest {

    private static final long MS = 1_000_000L;

    /** A real event loop that counts the tasks scheduled on it: the clock's wake-ups. */
    private static final class CountingEventLoop extends DefaultEventLoop {
        final AtomicInteger scheduled = new AtomicInteger();

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return super.schedule(command, delay, unit);
        }
    }

    /** A tick as a pacer saw it. */
    private record Tick(int pacer, long dueMillis, long atNanos) {
    }

    private final CountingEventLoop loop = new CountingEventLoop();
    private final List<Tick> ticks = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void pacersDueInTheSameMillisecondShareOneWakeUp() throws Exception {
        CountDownLatch done = new CountDownLatch(100);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long deadline = PacingClock.millisOf(System.nanoTime() + 30 * MS) * MS;
            for (int i = 0; i < 100; i++) {
                clock.wake(recording(i, deadline, done), deadline);
            }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, loop.scheduled.get(), "one wake-up for the 100 pacers");
        assertEquals(100, ticks.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, ticks.get(i).pacer(), "in the order they entered");
        }
        assertNeverEarly();
    }

    @Test
    void everyPacerTicksOnceNeverEarlyInTheOrderOfItsDeadline() throws Exception {
        Random random = new Random(20261127);
        int pacers = 300;
        CountDownLatch done = new CountDownLatch(pacers);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long now = System.nanoTime();
            for (int i = 0; i < pacers; i++) {
                // within 60 ms, at any nanosecond: rounded up to the next millisecond (from 20 ms on, so that a slow
                // start of this loop does not make the first deadlines pass before they are entered)
                long deadline = now + 20 * MS + random.nextLong(60 * MS);
                clock.wake(recording(i, deadline, done), deadline);
            }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(pacers, ticks.size());
        assertEquals(pacers, ticks.stream().mapToInt(Tick::pacer).distinct().count(), "each pacer once");
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i - 1).dueMillis() <= ticks.get(i).dueMillis(), "in the order of the deadlines: " + i);
        }
        assertNeverEarly();
        assertEquals(0, onLoop(() -> PacingClock.of(loop).waiting()));
    }

    @Test
    void aPacerThatEntersAgainFromItsTickKeepsItsTimeline() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long start = PacingClock.millisOf(System.nanoTime() + MS) * MS;
            clock.wake(new PacingClock.Pacer() {
                int frame;

                @Override
                public void tick() {
                    long due = start + frame * 20 * MS;
                    ticks.add(new Tick(frame, PacingClock.millisOf(due), System.nanoTime()));
                    if (++frame < 25) {
                        clock.wake(this, start + frame * 20 * MS);
                    } else {
                        done.countDown();
                    }
                }
            }, start);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(25, ticks.size());
        assertNeverEarly(); // the last one no earlier than 480 ms after the first deadline
    }

    @Test
    void aPacerDueBeyondTheRingIsNotWokenOnAnEarlierTurn() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long now = System.nanoTime();
            long far = now + (PacingClock.SLOTS * 3 + 5) * MS;
            // a near pacer in the same slot, one and two turns earlier, keeps the slot busy
            long near = far - PacingClock.SLOTS * 2 * MS;
            clock.wake(recording(1, near, done), near);
            clock.wake(recording(2, far, done), far);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), ticks.stream().map(Tick::pacer).toList());
        assertNeverEarly();
    }

    @Test
    void aLateLoopWakesEveryPacerItMissedOnceAndInOrder() throws Exception {
        int pacers = 50;
        CountDownLatch done = new CountDownLatch(pacers);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long now = System.nanoTime();
            for (int i = 0; i < pacers; i++) {
                long deadline = now + (20 + 2 * i) * MS; // over 100 ms, more than one turn of the ring
                clock.wake(recording(i, deadline, done), deadline);
            }
            // the loop is held up for longer than the ring: all of them are overdue when it gets to them
            sleep(150);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(pacers, ticks.size());
        for (int i = 0; i < pacers; i++) {
            assertEquals(i, ticks.get(i).pacer());
        }
        assertNeverEarly();
    }

    @Test
    void aPastDeadlineIsDueAtOnce() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        long[] future = new long[1];
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long now = System.nanoTime();
            future[0] = now + 200 * MS;
            clock.wake(recording(2, future[0], done), future[0]);
            clock.wake(recording(1, now - 50 * MS, done), now - 50 * MS);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), ticks.stream().map(Tick::pacer).toList());
        assertTrue(ticks.get(0).atNanos() < future[0], "the overdue pacer did not wait for the next one's deadline");
    }

    @Test
    void aFailingPacerDoesNotStopTheOthersNorTheClock() throws Exception {
        CountDownLatch done = new CountDownLatch(3);
        onLoop(() -> {
            PacingClock clock = PacingClock.of(loop);
            long deadline = System.nanoTime() + 5 * MS;
            clock.wake(recording(1, deadline, done), deadline);
            clock.wake(() -> {
                throw new IllegalStateException("broken call");
            }, deadline);
            clock.wake(() -> {
                throw new Error("broken harder"); // e.g. out of direct memory for a frame
            }, deadline);
            clock.wake(recording(2, deadline, done), deadline);
            // and the clock still wakes what is due later
            clock.wake(recording(3, deadline + 30 * MS, done), deadline + 30 * MS);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2, 3), ticks.stream().map(Tick::pacer).toList());
        assertEquals(0, onLoop(() -> PacingClock.of(loop).waiting()));
    }

    @Test
    void eachEventLoopHasItsOwnClock() throws Exception {
        DefaultEventLoop other = new DefaultEventLoop();
        try {
            PacingClock first = onLoop(() -> PacingClock.of(loop));
            assertSame(first, onLoop(() -> PacingClock.of(loop)));
            assertNotSame(first, other.submit(() -> PacingClock.of(other)).get());
        } finally {
            other.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** A pacer that records its tick (with the millisecond of its deadline) and counts it. */
    private PacingClock.Pacer recording(int pacer, long deadline, CountDownLatch done) {
        return () -> {
            ticks.add(new Tick(pacer, PacingClock.millisOf(deadline), System.nanoTime()));
            done.countDown();
        };
    }

    private void assertNeverEarly() {
        for (Tick tick : ticks) {
            assertTrue(tick.atNanos() >= tick.dueMillis() * MS,
                    "pacer " + tick.pacer() + " woken " + (tick.dueMillis() * MS - tick.atNanos()) + " ns early");
        }
    }

    private void onLoop(Runnable task) throws InterruptedException, ExecutionException {
        loop.submit(task).get();
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) throws InterruptedException, ExecutionException {
        return loop.submit(task).get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
