package org.apache.camel.component.audiosocket.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route pool runs every task once, on no more threads than cores while they do not block; for a thread its watch
 * finds in the same task at two looks it grows by one, which takes the waiting tasks, up to its maximum, and shrinks
 * back when that task returns. Most looks are made by the test, so that what a look decides does not hang on timing.
 */
class RoutePoolTest {

    private final ConcurrentHashMap<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CountDownLatch> running = new ConcurrentHashMap<>();
    private RoutePool pool;

    @AfterEach
    void releaseAndStop() throws InterruptedException {
        held.values().forEach(CountDownLatch::countDown);
        if (pool != null) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "the pool's threads did not end: " + pool);
        }
    }

    @Test
    void tasksThatDoNotBlockRunOnNoMoreThreadsThanItKeepsAwake() throws Exception {
        pool = new RoutePool(2, 8, "test", Thread::new);
        int submitters = 4;
        int perSubmitter = 20_000;
        AtomicInteger inTasks = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicIntegerArray runs = new AtomicIntegerArray(submitters * perSubmitter);
        CountDownLatch allRan = new CountDownLatch(submitters * perSubmitter);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int first = s * perSubmitter;
            Thread submitter = new Thread(() -> {
                for (int i = first; i < first + perSubmitter; i++) {
                    int task = i;
                    pool.execute(() -> {
                        mostAtOnce.accumulateAndGet(inTasks.incrementAndGet(), Math::max);
                        runs.incrementAndGet(task);
                        inTasks.decrementAndGet();
                        allRan.countDown();
                    });
                }
            });
            threads.add(submitter);
            submitter.start();
        }
        for (Thread submitter : threads) {
            submitter.join();
        }
        assertTrue(allRan.await(30, TimeUnit.SECONDS), allRan.getCount() + " tasks never ran: " + pool);
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "runs of task " + i);
        }
        assertTrue(mostAtOnce.get() <= 2, mostAtOnce.get() + " tasks ran at once");
        assertTrue(pool.getLargestPoolSize() <= 2, "threads started: " + pool.getLargestPoolSize());
    }

    @Test
    void aThreadInTheSameTaskAtTwoLooksIsReplacedForTheTasksThatWait() throws Exception {
        oneThreadHeldAndATaskWaitingAtTheFirstLook();
        Thread.sleep(100);
        assertFalse(isRunning("second"), "a second thread was started while the only one was not yet known to be blocked");
        pool.watch(); // still in the same task: blocked
        awaitRunning("second");
        assertEquals(2, pool.getPoolSize());

        release("first"); // the task it was taken to be blocked in returns: the pool shrinks back to one thread
        release("second");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.getPoolSize() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, pool.getPoolSize());
        block("third");
        awaitRunning("third");
    }

    @Test
    void aThreadThatMovesOnBetweenLooksIsNotBlocked() throws Exception {
        oneThreadHeldAndATaskWaitingAtTheFirstLook();
        release("first"); // the thread takes "second", which holds it in turn
        awaitRunning("second");
        block("third");
        pool.watch(); // a thread is in a task at both looks, but not the same task
        Thread.sleep(100);
        assertFalse(isRunning("third"));
        assertEquals(1, pool.getPoolSize());
        release("second");
        awaitRunning("third");
    }

    @Test
    void blockedThreadsAreReplacedUpToItsSizeAndNothingIsLost() throws Exception {
        pool = new RoutePool(1, 3, "test", Thread::new);
        List<CountDownLatch> holding = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            holding.add(block("task " + i));
        }
        for (int look = 0; look < 20; look++) { // (three threads take at least five looks; the rest is slack)
            pool.watch();
            Thread.sleep(20); // (time for a thread this look started to take its task)
        }
        assertEquals(3, pool.getPoolSize());
        for (int i = 0; i < 3; i++) {
            awaitRunning("task " + i); // (a thread the last look added may only now be taking its task)
        }
        for (int i = 3; i < 6; i++) {
            assertFalse(isRunning("task " + i), "task " + i + " ran beyond the pool's size");
        }
        holding.forEach(CountDownLatch::countDown);
        for (int i = 3; i < 6; i++) {
            awaitRunning("task " + i);
        }
    }

    @Test
    void itsWatchLetsTasksThatWaitForEachOtherRunTogether() throws Exception {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        try {
            pool = new RoutePool(1, 4, "test", Thread::new).watchOn(watch);
            CountDownLatch together = new CountDownLatch(3);
            CountDownLatch finished = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                pool.execute(() -> {
                    together.countDown();
                    try {
                        if (together.await(10, TimeUnit.SECONDS)) {
                            finished.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(finished.await(15, TimeUnit.SECONDS), "the three tasks never ran at the same time: " + pool);
        } finally {
            watch.shutdownNow();
        }
    }

    @Test
    void seededMixOfShortAndBlockingTasksAllRunOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        try {
            pool = new RoutePool(2, 6, "test", Thread::new).watchOn(watch);
            int count = 20_000;
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            CountDownLatch allRan = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                int task = i;
                // one in 500 blocks for 5-30 ms, as a route waiting for an answer would
                long sleepMillis = random.nextInt(500) == 0 ? 5 + random.nextInt(26) : 0;
                pool.execute(() -> {
                    if (sleepMillis > 0) {
                        sleep(sleepMillis);
                    }
                    runs.incrementAndGet(task);
                    allRan.countDown();
                });
                if (random.nextInt(1000) == 0) {
                    Thread.sleep(random.nextInt(3)); // pauses between bursts: threads go idle and are woken again
                }
            }
            assertTrue(allRan.await(60, TimeUnit.SECONDS),
                    allRan.getCount() + " tasks never ran (seed " + seed + "): " + pool);
            for (int i = 0; i < count; i++) {
                assertEquals(1, runs.get(i), "runs of task " + i + " (seed " + seed + ")");
            }
            assertTrue(pool.getLargestPoolSize() <= 6, "threads: " + pool.getLargestPoolSize());
        } finally {
            watch.shutdownNow();
        }
    }

    @Test
    void aTaskThatFailsCostsNotTheTasksAfterIt() throws Exception {
        // the failure ends its thread, which hands it to its handler: kept here rather than printed as if the build broke
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        pool = new RoutePool(1, 1, "test", task -> {
            Thread thread = new Thread(task);
            thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            return thread;
        });
        pool.execute(() -> {
            throw new IllegalStateException("a bug in a task");
        });
        CountDownLatch after = new CountDownLatch(1);
        pool.execute(after::countDown);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        // the failed thread is replaced, not added to: the pool counts the ended thread a moment longer than it lives
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getPoolSize() != 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(1, pool.getPoolSize());
        assertEquals(List.of("a bug in a task"), uncaught.stream().map(Throwable::getMessage).toList());
    }

    @Test
    void shutdownRunsWhatWasGivenAndRefusesTheRest() throws Exception {
        pool = new RoutePool(1, 2, "test pool", Thread::new);
        CountDownLatch first = block("first");
        awaitRunning("first");
        CountDownLatch queuedRan = new CountDownLatch(1);
        pool.execute(queuedRan::countDown);
        pool.shutdown();
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {
        }));
        assertEquals("The route pool test pool has shut down", refused.getMessage());
        assertFalse(pool.isTerminated());
        first.countDown();
        assertTrue(queuedRan.await(5, TimeUnit.SECONDS), "a task given before the shutdown did not run");
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, pool.getPoolSize());
    }

    /** A pool of one thread (three at most) held by "first", "second" waiting, and the watch's first look made. */
    private void oneThreadHeldAndATaskWaitingAtTheFirstLook() throws InterruptedException {
        pool = new RoutePool(1, 3, "test", Thread::new);
        block("first");
        awaitRunning("first");
        block("second");
        pool.watch(); // "first" is in a task; since when is not known yet
    }

    private void release(String name) {
        held.get(name).countDown();
    }

    /** Runs a task that tells it is running, then holds its thread until its latch is released. */
    private CountDownLatch block(String name) {
        CountDownLatch latch = new CountDownLatch(1);
        held.put(name, latch);
        running.put(name, new CountDownLatch(1));
        pool.execute(() -> {
            running.get(name).countDown();
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return latch;
    }

    private boolean isRunning(String name) {
        return running.get(name).getCount() == 0;
    }

    private void awaitRunning(String name) throws InterruptedException {
        assertTrue(running.get(name).await(10, TimeUnit.SECONDS), name + " never ran: " + pool);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
