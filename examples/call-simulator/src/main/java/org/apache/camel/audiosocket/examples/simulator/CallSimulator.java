package org.apache.camel.audiosocket.examples.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.kqueue.KQueue;
import org.apache.camel.component.audiosocket.AudioSocketConfiguration;
import org.apache.camel.component.audiosocket.AudioSocketConnectException;
import org.apache.camel.component.audiosocket.AudioSocketEventType;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.client.AudioSocketClient;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.session.CallSettings;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;

/**
 * Dials an AudioSocket server the way Asterisk does, with many calls at once, and reports how it went: a load and
 * conformance driver for AudioSocket servers, built on the component's client mode (Netty event loops, the same
 * real-time pacer as the component's playback).
 */
public final class CallSimulator {

    private final SimulatorOptions options;
    private final PrintStream out;
    private final SimulationStats stats;
    private final Map<UUID, CallSession> sessions = new ConcurrentHashMap<>();
    private final LongAdder framesSentByEndedCalls = new LongAdder();
    private final LongAdder dialled = new LongAdder();

    public CallSimulator(SimulatorOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.stats = new SimulationStats(options.echoCheck());
    }

    public static void main(String[] args) {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Summary summary = new CallSimulator(options, System.out).run();
            System.exit(summary.success() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("call-simulator: " + e.getMessage());
            System.exit(2);
        }
    }

    /** What a run came to. */
    public record Summary(long calls, long connected, long completed, long endedByServer, long failed,
            Map<String, Long> failures, long framesSent, long framesReceived, double gapP50, double gapP99,
            double gapMax, long gaps, long pauses, long echoOk, long echoBad, boolean echoCheck,
            SimulatorOptions.PacingLimits pacingLimits) {

        /** Whether the server's pacing counts: asked for, and over enough gaps. */
        public boolean pacingJudged() {
            return pacingLimits.judged() && gaps >= pacingLimits.minGaps();
        }

        /** Why the server's pacing breaks its limits, one reason each; empty when it keeps them or is not judged. */
        public List<String> pacingProblems() {
            List<String> problems = new ArrayList<>();
            if (!pacingJudged()) {
                return problems;
            }
            if (gapP50 < pacingLimits.minGapP50().toMillis()) {
                problems.add(String.format(Locale.ROOT, "server pacing: gap p50 %.2f ms is under %d ms: the server sends"
                                                        + " its audio in bursts, not one 20 ms frame every 20 ms",
                        gapP50, pacingLimits.minGapP50().toMillis()));
            }
            if (gapP50 > pacingLimits.maxGapP50().toMillis()) {
                problems.add(String.format(Locale.ROOT, "server pacing: gap p50 %.2f ms is over %d ms: the server sends"
                                                        + " its audio slower than real time",
                        gapP50, pacingLimits.maxGapP50().toMillis()));
            }
            if (gapP99 > pacingLimits.maxGapP99().toMillis()) {
                problems.add(String.format(Locale.ROOT, "server pacing: gap p99 %.2f ms is over %d ms: the server's"
                                                        + " frames arrive too unevenly",
                        gapP99, pacingLimits.maxGapP99().toMillis()));
            }
            return problems;
        }

        /** Why the result is not OK, one reason each; empty when it is. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (failed > 0) {
                problems.add(failed + " call(s) failed");
            }
            if (connected != calls) {
                problems.add(connected + " of " + calls + " call(s) connected");
            }
            if (echoCheck && echoBad > 0) {
                problems.add(echoBad + " call(s) not echoed byte for byte");
            }
            problems.addAll(pacingProblems());
            return problems;
        }

        /**
         * Every call connected and completed (and, with the echo check, echoed exactly), and the server's pacing, where
         * judged, kept its limits.
         */
        public boolean success() {
            return problems().isEmpty();
        }
    }

    /** Runs the simulation to the end and prints progress and the summary. */
    public Summary run() throws Exception {
        byte[] loop = audioLoop(0);
        AudioSocketClient client = new AudioSocketClient(null, configuration(), settings());
        client.attach(stats, Runnable::run); // counted on the event loops, as the frames arrive
        client.start();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
                Math.min(16, Math.max(2, options.calls() / 10)), r -> {
                    Thread t = new Thread(r, "simulator");
                    t.setDaemon(true);
                    return t;
                });
        // each of the --calls slots holds one call at a time: with --churn, a new one as soon as the last has ended
        CountDownLatch slotsDone = new CountDownLatch(options.calls());
        long start = System.nanoTime();
        long churnEnd = options.churn() == null ? start : start + options.ramp().toNanos() + options.churn().toNanos();
        try {
            out.printf("Dialling %d call(s) to %s:%d over %s, %s of %s at %d Hz each%s%s%s%n", options.calls(),
                    options.host(), options.port(), human(options.ramp()),
                    options.churn() != null ? "1 s to " + human(options.duration()) : human(options.duration()),
                    options.wav() != null ? options.wav().getFileName() : (int) options.toneHz() + " Hz tone",
                    options.sampleRate(), options.dtmf() != null ? ", DTMF " + options.dtmf() + " halfway" : "",
                    options.echoCheck() ? ", checking the echo" : "",
                    options.churn() != null ? ", each replaced when it ends, for " + human(options.churn()) : "");
            for (int i = 0; i < options.calls(); i++) {
                int slot = i;
                long delay = options.calls() == 1 ? 0 : options.ramp().toNanos() * i / options.calls();
                byte[] audio = options.echoCheck() && options.wav() == null ? audioLoop(slot) : loop;
                Runnable next = new Runnable() {
                    private boolean first = true;

                    @Override
                    public void run() {
                        if (first || System.nanoTime() - churnEnd < 0) {
                            first = false;
                            if (!placeCall(client, audio, callBytes(), () -> scheduler.execute(this))) {
                                // not even connected: with --churn, try again in a second rather than in a tight loop
                                scheduler.schedule(this, options.churn() != null ? 1 : 0, TimeUnit.SECONDS);
                            }
                        } else {
                            slotsDone.countDown();
                        }
                    }
                };
                scheduler.schedule(next, delay, TimeUnit.NANOSECONDS);
            }
            scheduler.scheduleAtFixedRate(() -> progress(client, start), options.progress().toMillis(),
                    options.progress().toMillis(), TimeUnit.MILLISECONDS);
            long limit = options.ramp().toMillis() + (options.churn() == null ? 0 : options.churn().toMillis())
                         + options.duration().toMillis() + 30_000;
            if (!slotsDone.await(limit, TimeUnit.MILLISECONDS)) {
                out.println("Not every call ended within " + limit + " ms: stopping the rest");
            }
        } finally {
            scheduler.shutdownNow();
            client.stop();
        }
        Summary summary = summary();
        print(summary, System.nanoTime() - start);
        return summary;
    }

    /**
     * Dials one call that plays {@code bytes} of the looped audio; {@code ended} runs once it is over. False when the
     * call could not even be placed (counted as a failure; {@code ended} does not run).
     */
    private boolean placeCall(AudioSocketClient client, byte[] audio, long bytes, Runnable ended) {
        dialled.increment();
        UUID uuid = UUID.randomUUID();
        AtomicBoolean hungUp = new AtomicBoolean();
        SimulationStats.CallState state = new SimulationStats.CallState(audio, bytes, () -> {
            CallSession call = sessions.get(uuid);
            if (call != null && hungUp.compareAndSet(false, true)) {
                try {
                    call.hangup(); // a FIN, after what is queued, as Asterisk hangs up
                } catch (Exception e) {
                    // already ended
                }
            }
        });
        stats.expect(uuid, state);
        CallSession call;
        try {
            call = client.findOrDial(uuid);
        } catch (Exception e) {
            stats.failure(e instanceof AudioSocketConnectException c ? reasonOf(c)
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
            stats.forget(uuid);
            return false;
        }
        sessions.put(uuid, call);
        call.channel().closeFuture().addListener(f -> {
            framesSentByEndedCalls.add(call.framesSent());
            sessions.remove(uuid);
            ended.run();
        });
        try {
            AudioSocketKind kind = AudioSocketKind.forSampleRate(options.sampleRate());
            // halfway on a 20 ms boundary: a split inside a frame would send two short frames where one belongs
            long frame = options.sampleRate() / 50 * 2;
            long half = bytes / 2 / frame * frame;
            queue(call, audio, kind, 0, half);
            if (options.dtmf() != null) {
                call.dtmf(options.dtmf());
            }
            queue(call, audio, kind, half, bytes);
            call.mark("end");
        } catch (Exception e) {
            // the call ended before its audio was queued (the server hung up): its HANGUP tells how
            stats.failure("queueing audio: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            call.channel().close();
        }
        return true;
    }

    /** Queues bytes [from, to) of the endlessly looped audio. */
    private static void queue(CallSession call, byte[] loop, AudioSocketKind kind, long from, long to) throws Exception {
        long at = from;
        while (at < to) {
            int offset = (int) (at % loop.length);
            int length = (int) Math.min(loop.length - offset, to - at);
            byte[] piece = offset == 0 && length == loop.length ? loop : java.util.Arrays.copyOfRange(loop, offset,
                    offset + length);
            call.play(piece, kind);
            at += length;
        }
    }

    /** How much audio the next call plays: --duration, or with --churn a random length from 1 s to --duration. */
    private long callBytes() {
        long nanos = options.duration().toNanos();
        if (options.churn() != null && nanos > 1_000_000_000L) {
            nanos = ThreadLocalRandom.current().nextLong(1_000_000_000L, nanos + 1);
        }
        // whole 20 ms frames
        long frames = Math.max(1, nanos / 20_000_000L);
        return frames * (options.sampleRate() / 50) * 2;
    }

    /** One second of the call's audio (a tone), or the WAV file's audio at its own rate. */
    private byte[] audioLoop(int call) throws IOException {
        if (options.wav() != null) {
            PcmAudio wav;
            try {
                wav = Wav.read(Files.readAllBytes(options.wav()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--wav " + options.wav() + ": " + e.getMessage(), e);
            }
            if (wav.sampleRate() != options.sampleRate()) {
                throw new IllegalArgumentException("--wav " + options.wav() + " is at " + wav.sampleRate()
                                                   + " Hz: use --rate " + wav.sampleRate());
            }
            if (wav.samples().length == 0) {
                throw new IllegalArgumentException("--wav " + options.wav() + " holds no audio");
            }
            return wav.samples();
        }
        // a whole number of cycles in one second loops without a click; each call its own pitch when echo-checked
        return SimulatedCall.tone(Math.round(options.toneHz()) + call, options.sampleRate(), Duration.ofSeconds(1));
    }

    private AudioSocketConfiguration configuration() {
        AudioSocketConfiguration config = new AudioSocketConfiguration();
        config.setHost(options.host());
        config.setPort(options.port());
        config.setClientMode(true);
        config.setConnectTimeout(options.connectTimeout().toMillis());
        config.setCodec(options.codec());
        config.setShutdownTimeout(5000);
        // epoll where Netty's native library loads (Linux), else Java NIO; one event loop per core
        config.setNativeTransport(Epoll.isAvailable() || KQueue.isAvailable());
        config.setWorkerCount(Runtime.getRuntime().availableProcessors());
        return config;
    }

    private CallSettings settings() {
        return new CallSettings(options.codec(), EnumSet.of(AudioSocketEventType.CALL_START, AudioSocketEventType.AUDIO,
                AudioSocketEventType.MARK, AudioSocketEventType.ERROR, AudioSocketEventType.HANGUP), 20, 1000, 60_000,
                5000, options.duration().toMillis() + 1000, 0);
    }

    private static String reasonOf(AudioSocketConnectException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return "connect: " + (colon >= 0 ? message.substring(colon + 2) : message);
    }

    private void progress(AudioSocketClient client, long start) {
        out.printf("[%6.1fs] calls up %d, connected %d, completed %d, failed %d | frames sent %d, received %d%n",
                (System.nanoTime() - start) / 1e9, client.activeCalls(), stats.connected.sum(), stats.completed.sum(),
                stats.failed.sum(), framesSent(), stats.framesReceived.sum());
    }

    private long framesSent() {
        return framesSentByEndedCalls.sum() + sessions.values().stream().mapToLong(CallSession::framesSent).sum();
    }

    private Summary summary() {
        return new Summary(dialled.sum(), stats.connected.sum(), stats.completed.sum(), stats.endedByServer.sum(),
                stats.failed.sum(), stats.failures(), framesSent(), stats.framesReceived.sum(),
                stats.gaps.percentileMillis(50), stats.gaps.percentileMillis(99), stats.gaps.maxMillis(),
                stats.gaps.count(), stats.pauses.sum(), stats.echoOk.sum(), stats.echoBad.sum(), options.echoCheck(),
                options.pacing());
    }

    private void print(Summary s, long elapsedNanos) {
        out.println();
        out.printf("Summary after %.1f s%n", elapsedNanos / 1e9);
        out.printf("  calls          %d dialled, %d connected, %d completed, %d ended by the server, %d failed%n",
                s.calls(), s.connected(), s.completed(), s.endedByServer(), s.failed());
        s.failures().forEach((reason, count) -> out.printf("    %6d x %s%n", count, reason));
        out.printf("  frames         %d sent, %d received (20 ms each)%n", s.framesSent(), s.framesReceived());
        if (s.gaps() > 0) {
            out.printf("  server pacing  gap p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d gaps (%d pauses over %d ms"
                       + " not counted)%n",
                    s.gapP50(), s.gapP99(), s.gapMax(), s.gaps(), s.pauses(), SimulationStats.PAUSE_NANOS / 1_000_000);
            SimulatorOptions.PacingLimits limits = s.pacingLimits();
            if (!limits.judged()) {
                out.println("                 not judged (--no-pacing-check)");
            } else if (!s.pacingJudged()) {
                out.printf("                 not judged: fewer than %d gaps (--min-gaps)%n", limits.minGaps());
            } else {
                out.printf("                 judged: p50 must be %d-%d ms, p99 at most %d ms: %s%n",
                        limits.minGapP50().toMillis(), limits.maxGapP50().toMillis(), limits.maxGapP99().toMillis(),
                        s.pacingProblems().isEmpty() ? "kept" : "broken");
            }
        } else if (s.framesReceived() > 0) {
            out.printf("  server pacing  only isolated frames came back (%d pauses over %d ms, no gaps to measure)%n",
                    s.pauses(), SimulationStats.PAUSE_NANOS / 1_000_000);
        } else {
            out.println("  server pacing  no audio came back");
        }
        if (s.echoCheck()) {
            out.printf("  echo check     %d call(s) echoed byte for byte, %d not%n", s.echoOk(), s.echoBad());
        }
        List<String> problems = s.problems();
        out.println(problems.isEmpty() ? "  result         OK" : "  result         FAILED: " + String.join("; ", problems));
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** For tests: the failures seen. */
    List<String> failureReasons() {
        return List.copyOf(stats.failures().keySet());
    }
}
