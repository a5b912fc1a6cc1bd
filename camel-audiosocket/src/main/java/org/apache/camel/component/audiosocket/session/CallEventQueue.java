package org.apache.camel.component.audiosocket.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's events on their way to the route: delivered one at a time and in order, on a thread pool shared by all
 * calls, so that calls run in parallel without a thread each and a slow call holds back only itself (or, with
 * usingExecutorService=false, as tasks of the call's own event loop).
 * <p>
 * At most one drain task per call is queued or running on the pool. It delivers events until the queue is empty or
 * an event is still in the route when {@code deliver} returns; that event's completion then queues the next drain.
 * An event completed before {@code deliver} returned (the usual case) is followed at once, on the same thread.
 * <p>
 * The queue reports when it grows past its limit and when it has drained to half of it, for the call to stop and
 * resume reading its socket. A pool that refuses the drain task (full, or shutting down) loses nothing: the task is
 * offered again shortly, from the call's event loop.
 */
final class CallEventQueue implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CallEventQueue.class);
    private static final long RETRY_MILLIS = 10;

    private static final int DELIVERING = 1;
    private static final int DONE_INLINE = 2;
    private static final int WAITING = 3;

    private final Queue<CallEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger delivery = new AtomicInteger();
    private final CallSession call;
    private final CallHost host;
    private final int limit;
    private final Runnable overLimit;
    private final Runnable drained;
    private final Runnable whenDone = this::whenDone;
    private final Runnable submit = this::submit;
    private boolean rejectionLogged;

    CallEventQueue(CallSession call, CallHost host, int limit, Runnable overLimit, Runnable drained) {
        this.call = call;
        this.host = host;
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
            submit();
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
            delivery.set(DELIVERING);
            host.sink().deliver(call, event, whenDone);
            if (delivery.compareAndSet(DELIVERING, WAITING)) {
                return; // still in the route: its completion queues the next drain
            }
        }
        draining.set(false);
        // an event added between the last poll and clearing the flag would otherwise wait for the next one
        if (!events.isEmpty() && draining.compareAndSet(false, true)) {
            submit();
        }
    }

    private void whenDone() {
        if (!delivery.compareAndSet(DELIVERING, DONE_INLINE)) {
            submit(); // deliver had returned: this thread is the route's, hand back to the pool
        }
    }

    private void submit() {
        try {
            host.executorFor(call).execute(this);
        } catch (RejectedExecutionException e) {
            if (!rejectionLogged) {
                rejectionLogged = true;
                LOG.warn("The route pool refused the events of AudioSocket call {} ({}); offering them again every"
                         + " {} ms", call.uuidText(), e.getMessage(), RETRY_MILLIS);
            }
            try {
                call.channel().eventLoop().schedule(submit, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                LOG.warn("AudioSocket call {}: {} event(s) could not reach the route: the server has stopped",
                        call.uuidText(), events.size() + 1);
            }
        }
    }
}
