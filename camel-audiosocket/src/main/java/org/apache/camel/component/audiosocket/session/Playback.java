package org.apache.camel.component.audiosocket.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.AbstractEventExecutor;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketPlaybackQueueFullException;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameEncoder;
import org.apache.camel.component.audiosocket.protocol.DtmfFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

/**
 * One call's playback queue and its pacer: audio goes into the call as one 20 ms frame every 20 ms, because Asterisk
 * plays whatever arrives at once.
 * <p>
 * Commands may come from any thread; they pass through a lock-free inbox, in the order they were given, to the call's
 * event loop, which owns everything else here. A command given on that event loop itself (the reply of a route that
 * runs there) goes straight into the playlist, unless commands from other threads are still waiting in the inbox.
 * Each frame's deadline is computed from the start of the current timeline ({@code start + audio sent so far}), never
 * from the previous tick, so that lateness of one tick is not carried into the next and a long prompt ends exactly on
 * time; only a new stream whose first frame goes late begins when it goes (nothing of it has played, so nothing is
 * owed, and its frames stay 20 ms apart). When nothing waits after a frame, the timeline rests (no wake-up to find it
 * dry): audio that comes before that frame has played continues it at its next deadline; audio that comes later
 * starts a new one. The event loop's {@link PacingClock} wakes the pacer when a frame is due.
 * <p>
 * Audio that comes late (after what was playing ran out, and less than {@link #UNDERRUN_WINDOW_NANOS} later) would
 * delay everything after it if nothing ever played faster than real time: over a long live stream (an echo, a relay, a
 * streaming reply) the hold-ups would add up into a delay that only grows. So the pacer keeps count of how far the
 * stream has fallen behind real time since it began, up to the catch-up limit. While it is behind, its next frame goes
 * as soon as it comes rather than in its slot (on the event loop: in the task that brought it; from other threads: on
 * the next grid step, where the pacer looks for it a while), and while audio waits, one frame more goes per tick,
 * ahead of the timeline. A stream so never gets ahead of real time since its start; audio queued faster than real
 * time (a prompt) is not behind and plays strictly paced. A pause of the window or more, or a CLEAR, begins a new
 * stream.
 * <p>
 * The amount of queued audio is counted where the commands are given, so that a PLAY right after a CLEAR is measured
 * against the emptied queue: CLEAR starts a new generation, and audio of an older generation no longer counts.
 */
final class Playback implements PacingClock.Pacer {

    /** What the pacer is told to do, in order. */
    private sealed interface Item permits Audio, Mark, Dtmf, Hangup, Clear {
    }

    /** @param dueNanos when it was due, for audio that continues the caller's stream; else {@link #DUE_WHEN_QUEUED} */
    private record Audio(byte[] pcm, AudioSocketKind kind, long durationNanos, long generation, long dueNanos)
            implements Item {
    }

    private record Mark(String name) implements Item {
    }

    private record Dtmf(char digit) implements Item {
    }

    private record Hangup() implements Item {
    }

    private record Clear(long generation) implements Item {
    }

    /** What the pacer tells its call. */
    interface Listener {
        /** Playback reached a mark: the audio queued before it has been played. */
        void markReached(String name);

        /** Playback reached a hangup: the audio queued before it has been played. */
        void hangupReached();

        /** An audio frame of this many bytes was written. */
        void frameSent(int bytes);

        /** Audio arrived shortly after the queue had run dry: the listener heard a gap. */
        void underrun();

        /** A frame was not written: the peer stopped reading and its buffers are full. */
        void frameDropped(boolean firstOfTheCall);

        /** A frame was sent ahead of the timeline, to make up for audio that came late (after {@link #frameSent}). */
        void frameSentAhead();
    }

    /**
     * Timelines start on multiples of 5 ms of the clock, and so do all their frames. The frames of an event loop's calls
     * then fall due in at most 200 of the clock's milliseconds a second, not in any of the 1,000: its loop is woken
     * (a system call, a timer and a thread switch each time) a fifth as often for them, and sends more frames each
     * time. The price is up to 5 ms before the first frame of a timeline, once.
     */
    static final long TIMELINE_GRID_NANOS = 5_000_000L;

    /** How long after its queue ran empty a pacer whose audio comes from other threads looks for more. */
    private static final long LOOK_FOR_AUDIO_NANOS = 40_000_000L;

    /** Audio that comes within this long after the previous audio ended was meant to follow it: a gap is an underrun. */
    private static final long UNDERRUN_WINDOW_NANOS = 200_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The due time of audio that is due when it is queued: a prompt, an answer of its own. */
    static final long DUE_WHEN_QUEUED = Long.MIN_VALUE;

    /** The least lateness a due time is taken for: one frame. */
    private static final long LEAST_LATENESS_NANOS = 20_000_000L;

    private final Channel channel;
    private final EventLoop eventLoop;
    private final Listener listener;
    private final long limitNanos;
    private final long catchUpLimitNanos;
    private final String callName;
    private final AudioCodec encoding;
    private final Runnable takeInbox = this::takeInbox;
    private final Queue<Item> inbox = new ConcurrentLinkedQueue<>();
    /** Commands from other threads may be waiting in the inbox, and a task (or the next tick) will take them. */
    private final AtomicBoolean inboxScheduled = new AtomicBoolean();
    private final AtomicLong queuedNanos = new AtomicLong();
    private volatile long generation;
    private volatile boolean closed;
    /** A tick is scheduled: the pacer looks at the inbox before its next frame, so a command need not wake it. */
    private volatile boolean ticking;

    // owned by the event loop
    private final ArrayDeque<Item> playlist = new ArrayDeque<>();
    private Audio current;
    private int offset;
    private PacingClock clock;
    /** The clock will wake this pacer: a frame, mark or hangup is due. */
    private boolean tickDue;
    /** In a tick: a command given meanwhile (from a listener) goes through the inbox, not into the tick's state. */
    private boolean inTick;
    private long timelineStart;
    private long timelineNanos;
    private long playedUntil;
    private long audioPlayedUntil;
    /**
     * When the audio of the current stream sent so far (ahead, on time, or into the void) would have played, had the
     * stream never been late: how far this lies behind the timeline is how late the stream is. A stream is audio with
     * no pause of the underrun window and no CLEAR.
     */
    private long streamPlayedUntil;
    /** The last command came through the inbox, from another thread. */
    private boolean commandsFromOtherThreads;
    /** The clock's next tick looks for audio from other threads, not for the next frame. */
    private boolean polling;
    private long pollUntil;
    /** When the pacer last looked for audio from other threads: what it finds next came after that. */
    private long lookedAt;
    /** A CLEAR was taken and no audio has played since: the next timeline begins a new stream. */
    private boolean cleared;
    /** The timeline begins a new stream and no audio of it has played yet. */
    private boolean streamStarting;
    private volatile long framesSent;
    private long framesDropped;

    /**
     * @param limitMillis        most audio that may wait to be played
     * @param catchUpLimitMillis most lateness of a stream that is made up by sending ahead; 0: never faster than real
     *                           time
     * @param encoding           how frames go on the wire: slin, or µ-law/A-law under the 8 kHz slin kind (as Asterisk
     *                           sends a c(ulaw) call's audio)
     */
    Playback(Channel channel, Listener listener, long limitMillis, long catchUpLimitMillis, String callName,
             AudioCodec encoding) {
        this.channel = channel;
        this.encoding = encoding;
        this.eventLoop = channel.eventLoop();
        this.listener = listener;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        this.catchUpLimitNanos = TimeUnit.MILLISECONDS.toNanos(catchUpLimitMillis);
        this.callName = callName;
    }

    /**
     * Queues PCM for playback.
     *
     * @param dueNanos when it was due, if it continues the caller's stream: how much later it plays counts as lateness
     *                 of the stream, made up as any is (within the catch-up limit); else {@link #DUE_WHEN_QUEUED}
     * @throws AudioSocketPlaybackQueueFullException when it would take the queue over its limit
     * @throws AudioSocketCallNotFoundException      when the call has ended or is hanging up
     */
    void play(byte[] pcm, AudioSocketKind kind, long dueNanos)
            throws AudioSocketPlaybackQueueFullException, AudioSocketCallNotFoundException {
        requireOpen();
        if (pcm.length == 0) {
            return;
        }
        long duration = nanosOf(pcm.length, kind);
        Audio audio;
        synchronized (this) {
            // one check per command, not per frame; the pacer only ever lowers the count meanwhile
            long queued = queuedNanos.get();
            if (queued + duration > limitNanos) {
                throw new AudioSocketPlaybackQueueFullException(
                        "Playback queue of call " + callName + " holds " + TimeUnit.NANOSECONDS.toMillis(queued)
                                                                + " ms; " + TimeUnit.NANOSECONDS.toMillis(duration)
                                                                + " ms more would exceed playbackQueueLimit ("
                                                                + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms)");
            }
            queuedNanos.addAndGet(duration);
            audio = new Audio(pcm, kind, duration, generation, dueNanos);
        }
        submit(audio);
    }

    /** Drops all audio queued so far, at once (marks and a hangup stay, and now come at once). */
    synchronized void clear() throws AudioSocketCallNotFoundException {
        requireOpen();
        long next = ++generation;
        queuedNanos.set(0);
        submit(new Clear(next));
    }

    /** Hangs up once the audio queued so far has played. */
    void hangup() throws AudioSocketCallNotFoundException {
        requireOpen();
        submit(new Hangup());
    }

    /** Reports a MARK event once the audio queued so far has played. */
    void mark(String name) throws AudioSocketCallNotFoundException {
        requireOpen();
        submit(new Mark(name));
    }

    /** Sends DTMF digits, one message each, once the audio queued so far has played. */
    void dtmf(String digits) throws AudioSocketCallNotFoundException {
        requireOpen();
        for (int i = 0; i < digits.length(); i++) {
            if (!DtmfFrame.isDigit(digits.charAt(i))) {
                throw new IllegalArgumentException("Not a DTMF digit: '" + digits.charAt(i) + "' in \"" + digits
                                                   + "\"; use 0-9, *, #, A-D");
            }
        }
        for (int i = 0; i < digits.length(); i++) {
            submit(new Dtmf(digits.charAt(i)));
        }
    }

    /**
     * Sends one 20 ms frame of silence at the given rate if nothing is playing or waiting, as part of the timeline,
     * so that audio played right after it does not overlap it. Called on the event loop.
     */
    void keepAlive(AudioSocketKind kind) {
        if (closed || tickDue || current != null || !playlist.isEmpty() || !channel.isWritable()) {
            return;
        }
        long now = System.nanoTime();
        byte[] silence = new byte[kind.bytesPer20Millis()];
        // counted before the write: once the peer can see a frame, the counts include it
        framesSent++;
        listener.frameSent(kind.bytesPer20Millis());
        channel.writeAndFlush(AudioSocketFrameEncoder.audioMessage(channel.alloc(), kind, silence, 0, silence.length),
                channel.voidPromise());
        long nanos = nanosOf(kind.bytesPer20Millis(), kind);
        playedUntil = Math.max(now, playedUntil) + nanos;
        streamPlayedUntil += nanos;
    }

    /** Milliseconds of audio queued and not yet sent. */
    long queuedMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(queuedNanos.get()));
    }

    /** Audio frames written into the call so far (keep-alive silence included). */
    long framesSent() {
        return framesSent;
    }

    /** Stops playback for good: the call has ended. Called on the event loop. */
    void close() {
        closed = true;
        ticking = false;
        polling = false;
        tickDue = false; // (the clock's entry stays until its millisecond, and then finds the pacer closed)
        playlist.clear();
        inbox.clear();
        current = null;
        queuedNanos.set(0);
    }

    private void requireOpen() throws AudioSocketCallNotFoundException {
        if (closed) {
            throw new AudioSocketCallNotFoundException("Call " + callName + " has ended");
        }
    }

    private void submit(Item item) {
        if (eventLoop.inEventLoop() && !inboxScheduled.get() && !inTick) {
            // given on the call's own event loop (a route with usingExecutorService=false), and nothing from another
            // thread is waiting to go first: straight into the playlist, with no queue node and no task
            commandsFromOtherThreads = false;
            take(item);
            startTimelineIfIdle();
            return;
        }
        inbox.add(item);
        if (inboxScheduled.compareAndSet(false, true)) {
            if (ticking && eventLoop instanceof AbstractEventExecutor executor) {
                // the pacer's next tick takes the inbox anyway: no wake-up of the event loop (a system call and a
                // thread switch) for every reply a route plays
                executor.lazyExecute(takeInbox);
            } else {
                eventLoop.execute(takeInbox);
            }
        }
    }

    private void takeInbox() {
        inboxScheduled.set(false);
        if (closed) {
            return;
        }
        drainInbox();
        startTimelineIfIdle();
    }

    private void drainInbox() {
        Item item;
        while ((item = inbox.poll()) != null) {
            take(item);
            commandsFromOtherThreads = true;
        }
    }

    private void take(Item item) {
        if (item instanceof Clear clear) {
            dropAudioBefore(clear.generation);
        } else if (!(item instanceof Audio audio && audio.generation < generation)) {
            playlist.add(item); // (audio of an older generation arrived after its CLEAR: dropped)
            if (tickDue && item instanceof Audio audio && audio.dueNanos != DUE_WHEN_QUEUED) {
                countDueTimesAsLateness(); // (while resting, the next timeline's start looks)
            }
        }
    }

    private void startTimelineIfIdle() {
        startTimelineIfIdle(System.nanoTime());
    }

    /**
     * @param came when the commands in the playlist came, or the earliest they may have come (when the pacer looked
     *             for them on a grid step, the step before): whether they are late is judged by it
     */
    private void startTimelineIfIdle(long came) {
        if (closed || tickDue || playlist.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (audioPlayedUntil != 0 && came > audioPlayedUntil && came - audioPlayedUntil < UNDERRUN_WINDOW_NANOS) {
            listener.underrun();
        }
        timelineNanos = 0;
        if (cleared || audioPlayedUntil == 0 || came - audioPlayedUntil >= UNDERRUN_WINDOW_NANOS) {
            // a new stream: a timeline on the grid, no earlier than the end of the audio already sent; it is behind
            // from the start if its audio was due before then
            timelineStart = timelineStart(now, playedUntil);
            streamPlayedUntil = timelineStart;
            countDueTimesAsLateness();
            streamStarting = true;
            wakeAt(timelineStart);
            return;
        }
        streamStarting = false;
        countDueTimesAsLateness();
        long earliest = earliestNextFrame();
        if (now < earliest) {
            timelineStart = timelineStart(now, earliest);
            wakeAt(timelineStart);
            return;
        }
        // the stream goes on and its next frame may go already: now, as a tick of a timeline that started on the grid
        // step just before it came (or at the earliest, if later; either is no later than now). No wake-up: a live
        // stream's reply leaves with the read that brought it, and a stream that is behind makes up the wait for its
        // slot.
        timelineStart = Math.max(Math.floorDiv(came, TIMELINE_GRID_NANOS) * TIMELINE_GRID_NANOS, earliest);
        boolean outerTick = inTick;
        inTick = true;
        try {
            playNext();
        } finally {
            inTick = outerTick;
        }
    }

    /**
     * Takes the due times of the audio waiting into the stream's lateness: audio due at {@code d} behind {@code a} of
     * audio not yet sent means that, had the stream never been late, the audio sent so far would have played by
     * {@code d - a}. A due time that comes later (a later reply, which knew more) can show the stream to be later than
     * the first one did. Lateness of less than a frame is left alone: it is what every reply has (a hop to a pool
     * thread, the grid), nothing could be sent ahead for it, and a stream taken to be behind looks for its next audio
     * on every step of the grid. What is taken stays on the grid, as the stream's deadlines do.
     */
    private void countDueTimesAsLateness() {
        long ahead = current != null ? current.durationNanos - nanosOf(offset, current.kind) : 0;
        for (Item item : playlist) {
            if (item instanceof Audio audio) {
                long playedBy = audio.dueNanos - ahead;
                if (audio.dueNanos != DUE_WHEN_QUEUED && playedBy <= streamPlayedUntil - LEAST_LATENESS_NANOS) {
                    streamPlayedUntil = Math.floorDiv(playedBy + TIMELINE_GRID_NANOS - 1, TIMELINE_GRID_NANOS)
                                        * TIMELINE_GRID_NANOS;
                }
                ahead += audio.durationNanos;
            }
        }
    }

    /**
     * The earliest the stream's next frame may go: when the audio it has sent so far would have played, had it never
     * been late, but no more than the catch-up limit before the end of the timeline (with no limit, that end: strictly
     * paced). Lateness beyond the limit is forgiven here: the stream is taken to have begun later.
     */
    private long earliestNextFrame() {
        long limit = playedUntil - catchUpLimitNanos;
        streamPlayedUntil = Math.max(streamPlayedUntil, limit);
        return streamPlayedUntil;
    }

    private void dropAudioBefore(long clearGeneration) {
        // what follows a CLEAR is not late for what came before it: a new stream, from the timeline's next deadline
        // if audio comes before it, else from the next timeline's start
        cleared = true;
        streamPlayedUntil = timelineStart + timelineNanos;
        if (current != null && current.generation < clearGeneration) {
            current = null;
        }
        playlist.removeIf(item -> item instanceof Audio audio && audio.generation < clearGeneration);
    }

    @Override
    public void tick() {
        inTick = true;
        try {
            if (polling) {
                lookForAudio();
            } else {
                playNext();
            }
        } finally {
            inTick = false;
        }
    }

    /**
     * Keeps looking for audio from other threads, on the steps of the grid, for a while after the queue ran empty: the
     * next reply of a route on the worker pool is taken within a grid step of coming, and leaves as soon as it may,
     * with no wake-up of the loop for each reply (one wake-up on a step serves all the calls of the loop that look).
     */
    private void lookForAudio() {
        polling = false;
        tickDue = false;
        if (closed) {
            return;
        }
        if (inboxScheduled.get()) {
            drainInbox();
        }
        if (!playlist.isEmpty()) {
            startTimelineIfIdle(lookedAt); // (a command that came before the frame's end is not late)
        } else if (System.nanoTime() < pollUntil) {
            lookAgainOnTheNextStep();
        } else {
            rest();
        }
    }

    /**
     * The first look for audio from other threads after a frame. A stream that is on time plays nothing before this
     * frame has played, whenever its next audio comes: one look then finds what came meanwhile (a live stream's next
     * reply, usually), where looking on every step of the grid would wake the pacer three times a frame more, for
     * nothing. A stream that is behind sends its next audio as soon as it comes, so it looks on the next step.
     */
    private void lookForTheNextFrame() {
        if (earliestNextFrame() < playedUntil) {
            lookAgainOnTheNextStep();
            return;
        }
        polling = true;
        lookedAt = System.nanoTime();
        wakeAt(playedUntil);
    }

    private void lookAgainOnTheNextStep() {
        polling = true;
        lookedAt = System.nanoTime();
        wakeAt(Math.floorDiv(lookedAt, TIMELINE_GRID_NANOS) * TIMELINE_GRID_NANOS + TIMELINE_GRID_NANOS);
    }

    private void playNext() {
        tickDue = false;
        if (closed) {
            return;
        }
        if (inboxScheduled.get()) {
            // (most ticks find nothing from other threads: no look into the queue, whose nodes are far from cache)
            drainInbox();
        }
        while (current == null) {
            Item item = playlist.poll();
            if (item == null) {
                rest(); // dry (after a CLEAR, a mark, DTMF): the timeline ends here
                return;
            }
            if (item instanceof Mark mark) {
                listener.markReached(mark.name);
            } else if (item instanceof Dtmf dtmf) {
                channel.writeAndFlush(new DtmfFrame(dtmf.digit), channel.voidPromise());
            } else if (item instanceof Hangup) {
                close();
                listener.hangupReached();
                return;
            } else {
                current = (Audio) item;
                offset = 0;
            }
        }
        if (streamStarting) {
            startLateStreamNow();
        }
        timelineNanos += playFrame(false);
        playedUntil = timelineStart + timelineNanos;
        audioPlayedUntil = playedUntil;
        if (catchUpLimitNanos > 0) {
            catchUp();
        }
        if (current == null && playlist.isEmpty()) {
            // nothing waits: the timeline rests, with no wake-up to find it dry. Audio that comes before this frame
            // has played starts it again at its next deadline, audio that comes later at once: on this event loop,
            // with the read that brought it; from other threads (the replies of a route on the worker pool), where
            // the pacer looks for it a while
            if (commandsFromOtherThreads) {
                pollUntil = playedUntil + LOOK_FOR_AUDIO_NANOS;
                lookForTheNextFrame();
            } else {
                rest();
            }
            return;
        }
        // the next frame (or mark, or hangup) is due when this one has played
        wakeAt(playedUntil);
    }

    /**
     * Nothing to play: from now on commands wake the event loop. One that came in since the inbox was drained, while
     * it still counted on this pacer's next tick, is taken now.
     */
    private void rest() {
        ticking = false;
        inboxScheduled.set(false);
        if (!inbox.isEmpty()) {
            takeInbox();
        }
    }

    /**
     * The first frame of a new stream whose tick came a grid step or more late (a busy loop, while calls are being
     * dialled): nothing of the stream has played, so nothing is owed. The stream begins on the grid step just passed
     * instead, and its frames go 20 ms apart from the first; kept to the start it missed, the frames it is late by
     * would go out in a burst, which Asterisk plays at once, and the prompt would be that much short.
     */
    private void startLateStreamNow() {
        streamStarting = false;
        long now = System.nanoTime();
        if (timelineNanos == 0 && now - timelineStart >= TIMELINE_GRID_NANOS) {
            long start = Math.floorDiv(now, TIMELINE_GRID_NANOS) * TIMELINE_GRID_NANOS;
            streamPlayedUntil += start - timelineStart;
            timelineStart = start;
        }
    }

    /**
     * Sends one frame more, ahead of the timeline, if the stream is behind real time by at least that frame and audio
     * is waiting. The timeline's deadlines stay: the stream catches up by at most one frame per tick.
     */
    private void catchUp() {
        long behind = playedUntil - earliestNextFrame();
        // (a mark, DTMF or hangup next keeps its time: only audio goes ahead)
        Audio next = current != null ? current : playlist.peek() instanceof Audio waiting ? waiting : null;
        if (next == null || frameNanos(next, current != null ? offset : 0) > behind || !channel.isWritable()) {
            return;
        }
        if (current == null) {
            playlist.poll();
            current = next;
            offset = 0;
        }
        playFrame(true);
    }

    /**
     * Writes the current audio's next frame, or plays it into the void if the peer is not reading; its duration.
     * Everything is counted before the write (frames sent, the queue's length): once the peer can see a frame, the
     * counts include it.
     *
     * @param ahead whether the frame goes ahead of the timeline (catching up), which is counted too
     */
    private long playFrame(boolean ahead) {
        Audio audio = current;
        int from = offset;
        int length = Math.min(audio.kind.bytesPer20Millis(), audio.pcm.length - from);
        long frameNanos = nanosOf(from + length, audio.kind) - nanosOf(from, audio.kind);
        offset += length;
        if (audio.generation == generation) {
            queuedNanos.addAndGet(-frameNanos);
        }
        if (offset == audio.pcm.length) {
            current = null;
        }
        streamPlayedUntil += frameNanos;
        cleared = false;
        if (channel.isWritable()) {
            framesSent++; // written by the event loop only
            listener.frameSent(length);
            if (ahead) {
                listener.frameSentAhead();
            }
            channel.writeAndFlush(frameOf(audio, from, length), channel.voidPromise());
        } else {
            // a peer that stops reading must not make this call's outbound buffer grow without bound: the frame is
            // played into the void, on time, so that the timeline holds when the peer reads again
            listener.frameDropped(framesDropped++ == 0);
        }
        return frameNanos;
    }

    /**
     * Has the event loop's clock tick this pacer in the millisecond of the deadline: the calls of one event loop whose
     * frames fall due within the same millisecond share one wake-up. A frame leaves at most 1 ms late; the timeline
     * itself stays exact, so no lateness adds up.
     */
    private void wakeAt(long deadline) {
        if (closed) {
            return; // (closed by a listener during this tick)
        }
        if (clock == null) {
            clock = PacingClock.of(eventLoop); // on the event loop, which owns its clock
        }
        clock.wake(this, deadline);
        tickDue = true;
        ticking = true;
    }

    /**
     * Where a new timeline starts: now, or when the audio already sent ends if that is later, rounded up to the
     * {@linkplain #TIMELINE_GRID_NANOS timeline grid}. A 20 ms frame lasts a whole number of grid steps, so every
     * later deadline of the timeline is on the grid too and no frame waits for rounding: the gaps between frames stay
     * 20 ms. It costs the first frame up to one grid step, once per timeline.
     */
    static long timelineStart(long now, long playedUntil) {
        return Math.floorDiv(Math.max(now, playedUntil) + TIMELINE_GRID_NANOS - 1, TIMELINE_GRID_NANOS)
               * TIMELINE_GRID_NANOS;
    }

    private ByteBuf frameOf(Audio audio, int from, int length) {
        if (encoding == AudioCodec.SLIN) {
            return AudioSocketFrameEncoder.audioMessage(channel.alloc(), audio.kind, audio.pcm, from, length);
        }
        byte[] encoded = encoding.fromPcm(java.util.Arrays.copyOfRange(audio.pcm, from, from + length));
        return AudioSocketFrameEncoder.audioMessage(channel.alloc(), audio.kind, encoded, 0, encoded.length);
    }

    /** How long the frame of {@code audio} that starts at byte {@code from} lasts. */
    private static long frameNanos(Audio audio, int from) {
        int length = Math.min(audio.kind.bytesPer20Millis(), audio.pcm.length - from);
        return nanosOf(from + length, audio.kind) - nanosOf(from, audio.kind);
    }

    private static long nanosOf(int bytes, AudioSocketKind kind) {
        return bytes / 2 * NANOS_PER_SECOND / kind.sampleRate();
    }
}
