package org.apache.camel.component.audiosocket.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketPlaybackQueueFullException;
import org.apache.camel.component.audiosocket.protocol.AudioFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

/**
 * One call's playback queue and its pacer: audio goes into the call as one 20 ms frame every 20 ms, because Asterisk
 * plays whatever arrives at once.
 * <p>
 * Commands may come from any thread; they pass through a lock-free inbox, in the order they were given, to the call's
 * event loop, which owns everything else here. Each frame's deadline is computed from the start of the current
 * timeline ({@code start + audio sent so far}), never from the previous tick, so that lateness of one tick is not
 * carried into the next and a long prompt ends exactly on time. When the queue runs dry the timeline ends; the next
 * audio starts a new one, no earlier than the end of the audio already sent.
 */
final class Playback {

    /** What the pacer is told to do, in order. */
    private sealed interface Item permits Audio, Mark, Hangup, Clear {
    }

    private record Audio(byte[] pcm, AudioSocketKind kind, long durationNanos) implements Item {
    }

    private record Mark(String name) implements Item {
    }

    private record Hangup() implements Item {
    }

    private record Clear() implements Item {
    }

    /** What the pacer tells its call. */
    interface Listener {
        /** Playback reached a mark: the audio queued before it has been played. */
        void markReached(String name);

        /** Playback reached a hangup: the audio queued before it has been played. */
        void hangupReached();
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Channel channel;
    private final EventLoop eventLoop;
    private final Listener listener;
    private final long limitNanos;
    private final String callName;
    private final Queue<Item> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inboxScheduled = new AtomicBoolean();
    private final AtomicLong queuedNanos = new AtomicLong();
    private volatile boolean closed;

    // owned by the event loop
    private final ArrayDeque<Item> playlist = new ArrayDeque<>();
    private Audio current;
    private int offset;
    private ScheduledFuture<?> nextTick;
    private long timelineStart;
    private long timelineNanos;
    private long playedUntil;

    Playback(Channel channel, Listener listener, long limitMillis, String callName) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.listener = listener;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.callName = callName;
    }

    /**
     * Queues PCM for playback.
     *
     * @throws AudioSocketPlaybackQueueFullException when it would take the queue over its limit
     * @throws AudioSocketCallNotFoundException      when the call has ended
     */
    void play(byte[] pcm, AudioSocketKind kind) throws AudioSocketPlaybackQueueFullException, AudioSocketCallNotFoundException {
        if (pcm.length == 0) {
            return;
        }
        long duration = nanosOf(pcm.length, kind);
        long queued;
        do {
            queued = queuedNanos.get();
            if (queued + duration > limitNanos) {
                throw new AudioSocketPlaybackQueueFullException(
                        "Playback queue of call " + callName + " holds " + TimeUnit.NANOSECONDS.toMillis(queued)
                                                                + " ms; " + TimeUnit.NANOSECONDS.toMillis(duration)
                                                                + " ms more would exceed playbackQueueLimit ("
                                                                + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms)");
            }
        } while (!queuedNanos.compareAndSet(queued, queued + duration));
        submit(new Audio(pcm, kind, duration));
    }

    /** Drops all audio queued so far (marks and a hangup stay, and now come at once). */
    void clear() throws AudioSocketCallNotFoundException {
        submit(new Clear());
    }

    /** Hangs up once the audio queued so far has played. */
    void hangup() throws AudioSocketCallNotFoundException {
        submit(new Hangup());
    }

    /** Reports a MARK event once the audio queued so far has played. */
    void mark(String name) throws AudioSocketCallNotFoundException {
        submit(new Mark(name));
    }

    /** True while audio is being sent or waits to be (read on the event loop). */
    boolean isPlaying() {
        return nextTick != null || current != null || !playlist.isEmpty();
    }

    /** Stops playback for good: the call has ended. Called on the event loop. */
    void close() {
        closed = true;
        if (nextTick != null) {
            nextTick.cancel(false);
            nextTick = null;
        }
        playlist.clear();
        inbox.clear();
        current = null;
        queuedNanos.set(0);
    }

    private void submit(Item item) throws AudioSocketCallNotFoundException {
        if (closed) {
            throw new AudioSocketCallNotFoundException("Call " + callName + " has ended");
        }
        inbox.add(item);
        if (inboxScheduled.compareAndSet(false, true)) {
            eventLoop.execute(this::takeInbox);
        }
    }

    private void takeInbox() {
        inboxScheduled.set(false);
        if (closed) {
            return;
        }
        Item item;
        while ((item = inbox.poll()) != null) {
            if (item instanceof Clear) {
                dropAudio();
            } else {
                playlist.add(item);
            }
        }
        if (nextTick == null && !playlist.isEmpty()) {
            // a new timeline, starting no earlier than the end of the audio already sent
            long now = System.nanoTime();
            timelineStart = Math.max(now, playedUntil);
            timelineNanos = 0;
            if (timelineStart <= now) {
                tick();
            } else {
                nextTick = eventLoop.schedule(this::tick, timelineStart - now, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void dropAudio() {
        if (current != null) {
            queuedNanos.addAndGet(-(current.durationNanos - nanosOf(offset, current.kind)));
            current = null;
        }
        playlist.removeIf(item -> {
            if (item instanceof Audio audio) {
                queuedNanos.addAndGet(-audio.durationNanos);
                return true;
            }
            return false;
        });
    }

    private void tick() {
        nextTick = null;
        if (closed) {
            return;
        }
        while (current == null) {
            Item item = playlist.poll();
            if (item == null) {
                return; // dry: the timeline ends here
            }
            if (item instanceof Mark mark) {
                listener.markReached(mark.name);
            } else if (item instanceof Hangup) {
                listener.hangupReached();
                return;
            } else {
                current = (Audio) item;
                offset = 0;
            }
        }
        Audio audio = current;
        int length = Math.min(audio.kind.bytesPer20Millis(), audio.pcm.length - offset);
        long sentBefore = nanosOf(offset, audio.kind);
        channel.writeAndFlush(new AudioFrame(audio.kind, Unpooled.wrappedBuffer(audio.pcm, offset, length)),
                channel.voidPromise());
        offset += length;
        long frameNanos = nanosOf(offset, audio.kind) - sentBefore;
        queuedNanos.addAndGet(-frameNanos);
        if (offset == audio.pcm.length) {
            current = null;
        }
        timelineNanos += frameNanos;
        playedUntil = timelineStart + timelineNanos;
        // the next frame (or mark, or hangup) is due when this one has played
        nextTick = eventLoop.schedule(this::tick, playedUntil - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private static long nanosOf(int bytes, AudioSocketKind kind) {
        return bytes / 2 * NANOS_PER_SECOND / kind.sampleRate();
    }
}
