package org.apache.camel.component.audiosocket.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread pool the routes of all calls run on unless the endpoint is given one: one thread per core, and one more
 * for each thread a route holds (blocked), up to poolSize.
 * <p>
 * Why not a pool of poolSize threads: every event is handed to a pool thread, and with more threads than cores a
 * sleeping one is nearly always there to take it, so nearly every event costs a wake-up (a system call and a thread
 * switch). With one thread per core, events that come while the threads are busy wait a moment in the queue and are
 * taken with no wake-up.
 * <p>
 * A route that blocks would hold one of those few threads, though, and one call's events must not wait for another
 * call's route. So the pool is watched every {@value #WATCH_MILLIS} ms: a thread found in the same task at two looks in
 * a row is taken to be blocked (waiting for an answer, a lock, a sleep) and the pool grows by a thread, which takes the
 * events that wait; when the blocked task returns, the pool shrinks back by one. A route that blocks so delays other
 * calls' events by a watch period or two, once per thread it holds, and routes that never block run on one thread per
 * core.
 */
public final class RoutePool extends ThreadPoolExecutor {

    /** How often the pool looks for threads held by routes that block. */
    public static final long WATCH_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RoutePool.class);

    private final String name;
    private final int baseThreads;
    private final int maxThreads;
    private final Set<TaskStamp> stamps = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<TaskStamp> ownStamp = new ThreadLocal<>();
    /** Threads taken to be blocked, whose tasks have not returned yet. */
    private int blocked;
    private ScheduledFuture<?> watching;

    /**
     * @param baseThreads  the threads it has while none is blocked: one per core
     * @param maxThreads   the most threads, blocked ones included
     * @param name         what it is called in its log
     * @param threads      where its threads come from
     */
    public RoutePool(int baseThreads, int maxThreads, String name, ThreadFactory threads) {
        super(Math.min(baseThreads, maxThreads), Math.min(baseThreads, maxThreads), 0, TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(), threads, (task, pool) -> {
                  // an unbounded queue refuses nothing: only a pool that has shut down refuses
                  throw new RejectedExecutionException("The route pool " + name + " has shut down");
              });
        this.name = name;
        this.baseThreads = Math.min(baseThreads, maxThreads);
        this.maxThreads = maxThreads;
    }

    /** The threads a pool of at most {@code maxThreads} has while none is blocked: one per core, or fewer if so limited. */
    public static int baseThreadsFor(int maxThreads) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), maxThreads));
    }

    /** Has the given scheduler {@linkplain #watch() watch} this pool every {@value #WATCH_MILLIS} ms until it ends. */
    public RoutePool watchOn(ScheduledExecutorService scheduler) {
        watching = scheduler.scheduleAtFixedRate(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One look: a thread in the same task as at the previous look is taken to be blocked, and the pool grows by one for
     * it. Called by one thread at a time.
     */
    void watch() {
        for (TaskStamp stamp : stamps) {
            if (stamp.blockedSinceLastLook()) {
                LOG.debug("{}: a route has held {} for over {} ms; one thread more", name, stamp.thread.getName(),
                        WATCH_MILLIS);
                resize(+1);
            } else if (!stamp.thread.isAlive()) {
                stamps.remove(stamp);
            }
        }
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        TaskStamp stamp = ownStamp.get();
        if (stamp == null) {
            stamp = new TaskStamp(thread);
            ownStamp.set(stamp);
            stamps.add(stamp);
        }
        stamp.taskStarts();
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        if (ownStamp.get().taskEnded()) {
            resize(-1); // the task it was taken to be blocked in has returned
        }
    }

    @Override
    protected void terminated() {
        if (watching != null) {
            watching.cancel(false);
        }
    }

    private synchronized void resize(int change) {
        blocked += change;
        int size = Math.min(maxThreads, baseThreads + blocked);
        if (isShutdown()) {
            return;
        }
        // (the core size is never above the maximum: raise the maximum first, lower it last)
        if (size > getMaximumPoolSize()) {
            setMaximumPoolSize(size);
            setCorePoolSize(size); // starts threads for the tasks that wait
        } else if (size < getCorePoolSize()) {
            setCorePoolSize(size);
            setMaximumPoolSize(size); // a thread too many ends when it next looks for a task
        }
    }

    @Override
    public String toString() {
        return "RoutePool[" + name + ", " + getPoolSize() + " threads (" + baseThreads + " to " + maxThreads + "), "
               + getActiveCount() + " in tasks, " + getQueue().size() + " tasks waiting]";
    }

    /** Which task a pool thread runs, for the watch: the task's number, whether it runs, whether it was taken to be blocked. */
    private static final class TaskStamp {

        private static final long IN_TASK = 1;
        private static final long BLOCKED = 2;
        private static final int NUMBER_SHIFT = 2;

        final Thread thread;
        private final AtomicLong stamp = new AtomicLong();
        private long taskNumber;
        /** The stamp at the watch's previous look; the watch's alone. */
        private long atLastLook = -1;

        TaskStamp(Thread thread) {
            this.thread = thread;
        }

        void taskStarts() {
            stamp.set(++taskNumber << NUMBER_SHIFT | IN_TASK);
        }

        /** True if the watch had taken the thread to be blocked in the task that ended. */
        boolean taskEnded() {
            return (stamp.getAndSet(taskNumber << NUMBER_SHIFT) & BLOCKED) != 0;
        }

        /** True (once per task) if the thread is in the same task as at the previous look. */
        boolean blockedSinceLastLook() {
            long now = stamp.get();
            boolean blocked = (now & (IN_TASK | BLOCKED)) == IN_TASK && now == atLastLook
                              && stamp.compareAndSet(now, now | BLOCKED);
            atLastLook = now;
            return blocked;
        }
    }
}
