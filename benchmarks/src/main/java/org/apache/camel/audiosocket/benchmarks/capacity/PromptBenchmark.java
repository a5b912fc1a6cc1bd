package org.apache.camel.audiosocket.benchmarks.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pacing with many calls playing at once: every call is answered with one long prompt (60 s by default) and sends
 * nothing, as a call on hold or listening to an announcement does. It prints the gaps between the messages each call
 * heard (p50, p99, max, all calls together), how long each call's prompt took to play against its length (the
 * drift), whether every byte arrived, and the server's CPU while all calls were playing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.apache.camel.audiosocket.benchmarks.capacity.PromptBenchmark \
 *     [--calls 1000] [--seconds 60] [--ramp 10s] [--server camel-prompt|netty-prompt]
 * </pre>
 */
public final class PromptBenchmark {

    private static final int PORT = 9494;
    private static final long MESSAGE_NANOS = 20_000_000L;

    private PromptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = 1000;
        int seconds = 60;
        Duration ramp = Duration.ofSeconds(10);
        String serverMode = "camel-prompt";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--server" -> serverMode = args[i + 1];
                case "--ramp" -> ramp = Duration.ofSeconds(Long.parseLong(args[i + 1].replace("s", "")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Prompt pacing (%s): %d calls dialled over %d s, each played a %d s prompt (8 kHz slin);"
                          + " %d cores, Java %s%n", serverMode, calls, ramp.toSeconds(), seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (ServerProcess server = new ServerProcess(serverMode, PORT, "1g", "-Dbench.promptSeconds=" + seconds,
                "-Dbench.uriOptions=" + System.getProperty("bench.uriOptions", ""));
             LoadDriver driver = new LoadDriver(2)) {
            // warm-up: the pacer's paths compiled before anything is measured
            driver.dialListeners("127.0.0.1", PORT, 200, 0);
            Thread.sleep(10_000);
            driver.hangupAll();
            Thread.sleep(1000);
            long heapAtRest = server.heapAfterGc();

            long start = System.nanoTime();
            driver.dialListeners("127.0.0.1", PORT, calls, ramp.toMillis());
            // (on a busy machine dialling takes longer than the ramp: what follows counts from when it really ended)
            long dialled = System.nanoTime();
            // CPU and heap while every call is playing: from the last call dialled to 2 s before the first prompt ends
            long plateauMillis = (start + seconds * 1_000_000_000L - dialled) / 1_000_000 - 2000;
            ServerProcess.Usage before = server.usage();
            long plateauStart = System.nanoTime();
            Thread.sleep(plateauMillis / 2);
            long heapPlaying = server.heapAfterGc();
            Thread.sleep(plateauMillis / 2);
            ServerProcess.Usage used = server.usage().minus(before);
            double plateauSeconds = (System.nanoTime() - plateauStart) / 1e9;
            // every prompt has ended a few seconds after the last call was dialled plus its length
            Thread.sleep(Math.max(0, dialled + seconds * 1_000_000_000L - System.nanoTime()) / 1_000_000 + 3000);
            Samples gaps = new Samples();
            List<LoadDriver.Heard> heard = driver.heard(gaps);
            long expectedBytes = seconds * 16000L;
            int whole = 0;
            Samples drift = new Samples();
            List<Long> drifts = new ArrayList<>();
            Samples pacingDrift = new Samples();
            List<Long> pacingDrifts = new ArrayList<>();
            for (LoadDriver.Heard call : heard) {
                if (call.bytes() == expectedBytes) {
                    whole++;
                }
                // the last message arrives one message before the prompt's end: the first was sent at its start
                long played = call.lastArrivalNanos() - call.firstArrivalNanos() + MESSAGE_NANOS;
                long deviation = played - seconds * 1_000_000_000L;
                drifts.add(deviation);
                drift.add(Math.abs(deviation) / 1000);
                pacingDrifts.add(call.driftNanos());
                pacingDrift.add(Math.abs(call.driftNanos()) / 1000);
            }
            System.out.printf("calls          %d dialled, %d heard the whole prompt (%d bytes each), %d did not%n",
                    calls, whole, expectedBytes, heard.size() - whole);
            System.out.printf("gaps           p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms over %,d gaps%n",
                    gaps.percentileMillis(50), gaps.percentileMillis(99), gaps.percentileMillis(99.9),
                    gaps.percentileMillis(100), gaps.size());
            System.out.printf("prompt length  played in %d s %+.2f ms at worst (|deviation| p50 %.2f ms, p99 %.2f ms);"
                              + " earliest %+.2f ms, latest %+.2f ms%n", seconds,
                    drifts.stream().mapToLong(Math::abs).max().orElse(0) / 1e6, drift.percentileMillis(50),
                    drift.percentileMillis(99), drifts.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                    drifts.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
            System.out.printf("drift          %+.2f ms at worst (|drift| p50 %.2f ms, p99 %.2f ms): the median"
                              + " arrival of each call's last %d messages against that of its first %d, on the"
                              + " schedule of the audio; one message read late at either end does not count%n",
                    pacingDrifts.stream().max((x, y) -> Long.compare(Math.abs(x), Math.abs(y))).orElse(0L) / 1e6,
                    pacingDrift.percentileMillis(50), pacingDrift.percentileMillis(99), LoadDriver.ENDS,
                    LoadDriver.ENDS);
            System.out.printf("server         CPU %.1f %% of one core (kernel %.1f %%), %.0f context switches/s with all"
                              + " %d calls playing; heap %.1f MB, %.1f KiB per playing call%n",
                    (used.userSeconds() + used.systemSeconds()) / plateauSeconds * 100,
                    used.systemSeconds() / plateauSeconds * 100, used.switches() / plateauSeconds, calls,
                    heapPlaying / 1048576.0, (heapPlaying - heapAtRest) / 1024.0 / calls);
            driver.hangupAll();
        }
    }
}
