package org.apache.camel.audiosocket.examples.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.component.audiosocket.session.CallEvent;
import org.apache.camel.component.audiosocket.session.CallEventSink;
import org.apache.camel.component.audiosocket.session.CallSession;

/**
 * What the simulated calls went through, counted as events arrive (on the calls' event loops, so that arrival times
 * are those of the frames): calls connected, completed and failed, frames received, the gaps between the frames the
 * server played back, and whether what came back was the exact echo of what was sent.
 */
final class SimulationStats implements CallEventSink {

    /** A gap longer than this is a pause between two stretches of playback, not a pacing error. */
    static final long PAUSE_NANOS = 200_000_000L;

    /** One call's state, touched only by its event loop (and read at the end). */
    static final class CallState {
        final byte[] loop;
        final long expectedBytes;
        final Runnable whenEchoed;
        long lastAudioNanos;
        long echoOffset;
        boolean echoMismatch;
        boolean audioSent;
        volatile boolean ended;

        CallState(byte[] loop, long expectedBytes, Runnable whenEchoed) {
            this.loop = loop;
            this.expectedBytes = expectedBytes;
            this.whenEchoed = whenEchoed;
        }

        boolean echoComplete() {
            return !echoMismatch && echoOffset == expectedBytes;
        }
    }

    final LongAdder connected = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder endedByServer = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder framesReceived = new LongAdder();
    final LongAdder pauses = new LongAdder();
    final LongAdder echoOk = new LongAdder();
    final LongAdder echoBad = new LongAdder();
    final GapHistogram gaps = new GapHistogram();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<UUID, CallState> calls = new ConcurrentHashMap<>();
    private final boolean echoCheck;

    SimulationStats(boolean echoCheck) {
        this.echoCheck = echoCheck;
    }

    void expect(UUID uuid, CallState state) {
        calls.put(uuid, state);
    }

    /** A call that never connected, or has ended and been counted: nothing more to keep. */
    void forget(UUID uuid) {
        calls.remove(uuid);
    }

    void failure(String reason) {
        failed.increment();
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    Map<String, Long> failures() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((reason, count) -> sorted.put(reason, count.sum()));
        return sorted;
    }

    @Override
    public void deliver(CallSession call, CallEvent event, Runnable whenDone) {
        try {
            CallState state = calls.get(call.uuid());
            switch (event.type()) {
                case CALL_START -> connected.increment();
                case AUDIO -> audio(state, (byte[]) event.body(), event.sampleRate());
                case MARK -> {
                    state.audioSent = true;
                    if (!echoCheck || state.echoComplete() || state.echoMismatch) {
                        state.whenEchoed.run();
                    }
                }
                case ERROR -> failures.computeIfAbsent("error " + event.detail(), r -> new LongAdder()).increment();
                case HANGUP -> {
                    hangup(state, event);
                    forget(call.uuid());
                }
                default -> {
                }
            }
        } finally {
            whenDone.run();
        }
    }

    private void audio(CallState state, byte[] audio, int rate) {
        long now = System.nanoTime();
        framesReceived.add(Math.max(1, audio.length / (rate / 50 * 2)));
        if (state.lastAudioNanos != 0) {
            long gap = now - state.lastAudioNanos;
            if (gap > PAUSE_NANOS) {
                pauses.increment();
            } else {
                gaps.record(gap);
            }
        }
        state.lastAudioNanos = now;
        if (echoCheck && !state.echoMismatch) {
            for (byte b : audio) {
                if (state.echoOffset >= state.expectedBytes
                    || b != state.loop[(int) (state.echoOffset % state.loop.length)]) {
                    state.echoMismatch = true;
                    break;
                }
                state.echoOffset++;
            }
            if (state.audioSent && (state.echoComplete() || state.echoMismatch)) {
                state.whenEchoed.run();
            }
        }
    }

    private void hangup(CallState state, CallEvent event) {
        state.ended = true;
        switch (event.hangupReason()) {
            case LOCAL_HANGUP -> completed.increment();
            case REMOTE_HANGUP, REMOTE_CLOSED -> endedByServer.increment();
            default -> failure("ended: " + event.hangupReason());
        }
        if (echoCheck) {
            if (state.echoComplete()) {
                echoOk.increment();
            } else {
                echoBad.increment();
            }
        }
    }
}
