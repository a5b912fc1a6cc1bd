package org.apache.camel.component.audiosocket.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call's events on their way to the route: delivered one at a time and in order, on a thread pool shared by all
 * calls, so that calls run in parallel without a thread each and a slow call holds back only itself.
 * <p>
 * At most one drain task per call is queued or running on the pool: it delivers events until the queue is empty or an
 * event completes asynchronously, whose completion then queues the next drain. The queue reports when it grows past
 * its limit and when it has drained to half of it, for the call to stop and resume reading its socket.
 */
final class CallEventQueue implements Runnable {

    private final Queue<CallEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CallSession call;
    private final CallEventSink sink;
    private final Executor executor;
    private final int limit;
    private final Runnable overLimit;
    private final Runnable drained;
    private final Runnable resume = this::resume;

    CallEventQueue(CallSession call, CallEventSink sink, Executor executor, int limit, Runnable overLimit, Runnable drained) {
        this.call = call;
        this.sink = sink;
        this.executor = executor;
        this.limit = limit;
        this.overLimit = overLimit;
        this.drained = drained;
    }

    /** Queues an event; called on the call's event loop only. */
    void add(CallEvent event) {
        events.add(event);
        if (size.incrementAndGet() == limit + 1) {
            overLimit.run();
        }
        if (draining.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }

    /** Events waiting for the route, not counting the one it is running. */
    int size() {
        return size.get();
    }

    /** True when at most half the limit is waiting: reading may resume. */
    boolean isLowEnoughToResume() {
        return size.get() <= limit / 2;
    }

    /** True when no event is waiting or running. */
    boolean isIdle() {
        return !draining.get() && events.isEmpty();
    }

    @Override
    public void run() {
        CallEvent event;
        while ((event = events.poll()) != null) {
            if (size.decrementAndGet() == limit / 2) {
                drained.run();
            }
            if (!sink.deliver(call, event, resume)) {
                return; // resumed when the event is done
            }
        }
        draining.set(false);
        // an event added between the last poll and clearing the flag would otherwise wait for the next one
        if (!events.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }

    private void resume() {
        executor.execute(this);
    }
}
