package org.apache.camel.component.audiosocket.session;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wake-ups of one event loop's pacers. Their frames fall due on whole milliseconds of the clock; instead of one
 * scheduled task per call per frame (an object, and an insertion into and a removal from the event loop's priority
 * queue, 50 times a second for each playing call), a pacer enters itself in the slot of the millisecond its next
 * frame is due, and the loop is woken once for each millisecond that has any.
 * <p>
 * The slots form a ring of {@value #SLOTS} milliseconds, indexed by the due millisecond; a pacer due further ahead
 * (rare: a pacer waits for at most one frame) shares a slot with nearer ones and is kept there until it is due. While
 * any pacer waits, the loop wakes at least once a turn of the ring. An entry stays until its millisecond comes, even
 * when its call has ended meanwhile: the pacer then does nothing.
 * <p>
 * Confined to its event loop's thread, so it needs no locks; each loop's thread has its own clock.
 */
final class PacingClock {

    /** What a clock wakes. */
    interface Pacer {
        /** Called on the event loop in the millisecond the pacer entered itself for, or later if the loop was late. */
        void tick();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PacingClock.class);
    private static final FastThreadLocal<PacingClock> CLOCKS = new FastThreadLocal<>();
    private static final long NANOS_PER_MILLI = 1_000_000L;
    static final int SLOTS = 64;

    private final EventLoop eventLoop;
    private final Runnable wakeUp = this::wakeUp;
    private final Slot[] slots = new Slot[SLOTS];
    /** The slot being worked through is swapped for this one, so that pacers may enter its millisecond again. */
    private Slot spare = new Slot();
    /** Every millisecond up to this one has been worked through. */
    private long doneUntilMillis;
    private boolean working;
    private ScheduledFuture<?> nextWakeUp;
    private long nextWakeUpMillis = Long.MAX_VALUE;
    private int entries;

    private PacingClock(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
        doneUntilMillis = Math.floorDiv(System.nanoTime(), NANOS_PER_MILLI);
    }

    /** The clock of the given event loop; call on that loop's thread. */
    static PacingClock of(EventLoop eventLoop) {
        PacingClock clock = CLOCKS.getIfExists();
        if (clock == null || clock.eventLoop != eventLoop) {
            clock = new PacingClock(eventLoop);
            CLOCKS.set(clock);
        }
        return clock;
    }

    /**
     * Wakes the pacer in the millisecond that holds the given deadline (a {@link System#nanoTime()}), rounded up to the
     * next whole millisecond if it is not on one; at once if that has passed.
     */
    void wake(Pacer pacer, long deadlineNanos) {
        if (entries == 0 && !working) {
            // nothing was waiting: no millisecond before this one needs to be worked through
            doneUntilMillis = Math.max(doneUntilMillis, Math.floorDiv(System.nanoTime(), NANOS_PER_MILLI) - 1);
        }
        long dueMillis = Math.max(millisOf(deadlineNanos), doneUntilMillis + 1);
        slots[slotOf(dueMillis)].add(pacer, dueMillis);
        entries++;
        if (!working && dueMillis < nextWakeUpMillis) {
            scheduleWakeUp(dueMillis);
        }
    }

    /** Pacers waiting for their millisecond. */
    int waiting() {
        return entries;
    }

    private void wakeUp() {
        nextWakeUp = null;
        nextWakeUpMillis = Long.MAX_VALUE;
        long nowMillis = Math.floorDiv(System.nanoTime(), NANOS_PER_MILLI);
        working = true;
        try {
            // every millisecond since the last wake-up, in order, so that a late loop still wakes pacers in the
            // order of their deadlines (a pacer that enters again for a millisecond that has passed is due in the next)
            for (long millis = doneUntilMillis + 1; millis <= nowMillis && entries > 0; millis++) {
                doneUntilMillis = millis;
                runSlot(millis);
            }
            doneUntilMillis = Math.max(doneUntilMillis, nowMillis);
        } finally {
            working = false;
            // whatever happened in this pass, the pacers still waiting are woken in their millisecond
            long next = nextDueMillis(doneUntilMillis);
            if (next != Long.MAX_VALUE) {
                scheduleWakeUp(next);
            }
        }
    }

    private void runSlot(long millis) {
        int index = slotOf(millis);
        Slot slot = slots[index];
        if (slot.size == 0) {
            return;
        }
        slots[index] = spare;
        spare = slot;
        for (int i = 0; i < slot.size; i++) {
            Pacer pacer = slot.pacers[i];
            if (slot.dueMillis[i] > millis) {
                // due on a later turn of the ring
                slots[index].add(pacer, slot.dueMillis[i]);
                continue;
            }
            entries--;
            try {
                pacer.tick();
            } catch (Throwable e) {
                // one call's failure (even an Error, such as running out of direct memory for a frame) must not stop
                // the frames of the others; as Netty's own task runner, log it and go on
                LOG.warn("Pacing a call failed", e);
            }
        }
        slot.clear();
    }

    /** The first millisecond after {@code nowMillis} whose slot holds a pacer, or MAX_VALUE if none does. */
    private long nextDueMillis(long nowMillis) {
        if (entries == 0) {
            return Long.MAX_VALUE;
        }
        for (int ahead = 1; ahead <= SLOTS; ahead++) {
            if (slots[slotOf(nowMillis + ahead)].size > 0) {
                return nowMillis + ahead;
            }
        }
        return Long.MAX_VALUE; // not reached: a pacer is in some slot
    }

    private void scheduleWakeUp(long dueMillis) {
        ScheduledFuture<?> previous = nextWakeUp;
        // (an event loop that is shutting down refuses the task: then nothing here changes)
        nextWakeUp = eventLoop.schedule(wakeUp, dueMillis * NANOS_PER_MILLI - System.nanoTime(), TimeUnit.NANOSECONDS);
        nextWakeUpMillis = dueMillis;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** The whole millisecond a deadline (a {@link System#nanoTime()}, which may be negative) is rounded up to. */
    static long millisOf(long deadlineNanos) {
        return Math.floorDiv(deadlineNanos + NANOS_PER_MILLI - 1, NANOS_PER_MILLI);
    }

    private static int slotOf(long millis) {
        return (int) (millis & (SLOTS - 1));
    }

    /** The pacers of one millisecond (and of later turns of the ring): two growing arrays, so entering allocates nothing. */
    private static final class Slot {
        private Pacer[] pacers = new Pacer[8];
        private long[] dueMillis = new long[8];
        private int size;

        void add(Pacer pacer, long due) {
            if (size == pacers.length) {
                pacers = Arrays.copyOf(pacers, size * 2);
                dueMillis = Arrays.copyOf(dueMillis, size * 2);
            }
            pacers[size] = pacer;
            dueMillis[size++] = due;
        }

        void clear() {
            Arrays.fill(pacers, 0, size, null);
            size = 0;
        }
    }
}
