package org.apache.camel.audiosocket.benchmarks.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many full-duplex calls one node holds in real time: the component's routes and a plain-Netty baseline, one
 * after the other in one run, each in a JVM of its own, stepped up through the call counts. For each server and step
 * it prints the echo latency (p50, p99, max), lost and corrupted messages, the gap between echoed messages at p99,
 * the server's CPU (percent of one core, measured over the step, the part of it spent in the kernel and the part its
 * JIT compiler used), its context switches per second (all threads, voluntary and not) and its heap after a full
 * collection with the calls up; and, once per server, the heap an idle call costs. Each step is measured in steady
 * state: after the calls are up, it waits (up to 45 s, "settle") until the server's JIT compiler has been quiet for
 * three seconds, since more calls than before take new paths that a server compiles for a while; and every server's
 * heap is touched when it starts (see {@link ServerProcess}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.apache.camel.audiosocket.benchmarks.capacity.CapacityBenchmark \
 *     [--servers netty-echo,camel-echo,camel-echo-eventloop,camel-echo-100ms,camel-echo-100ms-eventloop,camel-forward]
 *     [--steps 250,500,750,1000] [--duration 20s] [--rounds 1]
 * </pre>
 * ({@code netty-paced-echo}, the baseline pacing its replies, is a server too, not in the default list.)
 */
public final class CapacityBenchmark {

    private static final int PORT = 9493;
    private static final long PAUSE_BEFORE_MEASURING_MILLIS = 1000;

    private CapacityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> servers = List.of("netty-echo", "camel-echo", "camel-echo-eventloop", "camel-echo-100ms",
                "camel-echo-100ms-eventloop", "camel-forward");
        int[] steps = { 250, 500, 750, 1000 };
        Duration duration = Duration.ofSeconds(20);
        Duration ramp = Duration.ofSeconds(5);
        int idleCalls = 1000;
        String heap = "1g";
        int rounds = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--servers" -> servers = List.of(args[i + 1].split(","));
                case "--steps" -> steps = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(args[i + 1].replace("s", "")));
                case "--ramp" -> ramp = Duration.ofSeconds(Long.parseLong(args[i + 1].replace("s", "")));
                case "--idle-calls" -> idleCalls = Integer.parseInt(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Capacity: %s; steps %s calls; %d s measured per step after a %d s ramp; 8 kHz slin, 20 ms"
                          + " messages; %d cores, Java %s%n", servers, Arrays.toString(steps), duration.toSeconds(),
                ramp.toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-17s %6s %9s %9s %9s %7s %9s %9s %8s %8s %6s %7s %10s %10s %7s %10s %11s", "server",
                "calls", "echo p50", "echo p99", "echo max", "lost", "corrupted", "gap p99", "CPU", "kernel", "jit",
                "settle", "switches/s", "segments/s", "steal", "heap", "heap/call"));
        Map<String, List<StepResult>> byStep = new LinkedHashMap<>();
        try (LoadDriver driver = new LoadDriver(2)) {
            for (int round = 1; round <= rounds; round++) {
                if (rounds > 1) {
                    System.out.printf("Round %d of %d%n", round, rounds);
                }
                for (String server : servers) {
                    try (ServerProcess process = new ServerProcess(server, PORT, heap)) {
                        // warm up: compile the hot paths before anything is measured
                        step(driver, process, server, 200, Duration.ofSeconds(10), Duration.ofSeconds(2));
                        long heapAtRest = process.heapAfterGc();
                        driver.dial("127.0.0.1", PORT, idleCalls, 0, false);
                        Thread.sleep(1000);
                        long heapIdle = process.heapAfterGc();
                        driver.hangupAll();
                        System.out.printf("%s: heap at rest %.1f MB; with %d idle calls %.1f MB: %.1f KiB per idle call%n",
                                server, heapAtRest / 1048576.0, idleCalls, heapIdle / 1048576.0,
                                (heapIdle - heapAtRest) / 1024.0 / idleCalls);
                        for (int calls : steps) {
                            StepResult result = step(driver, process, server, calls, duration, ramp);
                            String row = result.row(server, calls, heapAtRest);
                            System.out.println(row);
                            rows.add(row);
                            byStep.computeIfAbsent(server + " " + calls, k -> new ArrayList<>()).add(result);
                        }
                    }
                }
            }
        }
        System.out.println();
        rows.forEach(System.out::println);
        if (rounds > 1) {
            printMedians(byStep, rounds);
        }
    }

    /** Runs differ, on a shared virtual machine above all: over several rounds, the median and the range. */
    private static void printMedians(Map<String, List<StepResult>> byStep, int rounds) {
        System.out.printf("%nOver %d rounds: server CPU median (lowest-highest), against the baseline's median at the same"
                          + " step; echo p99 median (lowest-highest)%n", rounds);
        for (Map.Entry<String, List<StepResult>> entry : byStep.entrySet()) {
            double[] cpu = entry.getValue().stream().mapToDouble(StepResult::cpuPercent).sorted().toArray();
            String calls = entry.getKey().substring(entry.getKey().lastIndexOf(' ') + 1);
            List<StepResult> baseline = byStep.get("netty-echo " + calls);
            String ratio = "";
            if (baseline != null && !entry.getKey().startsWith("netty-echo ")) {
                double[] base = baseline.stream().mapToDouble(StepResult::cpuPercent).sorted().toArray();
                ratio = String.format("  %.2fx the baseline", median(cpu) / median(base));
            }
            String echo = "";
            if (entry.getValue().get(0).echo()) {
                double[] p99 = entry.getValue().stream().mapToDouble(r -> r.driver().latency().percentileMillis(99))
                        .sorted().toArray();
                echo = String.format("  echo p99 %.1f ms (%.1f-%.1f)", median(p99), p99[0], p99[p99.length - 1]);
            }
            System.out.printf("%-32s CPU %6.1f%% (%.1f-%.1f)%s%s%n", entry.getKey(), median(cpu), cpu[0],
                    cpu[cpu.length - 1], ratio, echo);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static StepResult step(LoadDriver driver, ServerProcess server, String mode, int calls, Duration duration,
            Duration ramp) throws Exception {
        boolean forward = mode.equals("camel-forward");
        long forwardedBefore = forward ? server.forwarded() : 0;
        driver.dial("127.0.0.1", PORT, calls, ramp.toMillis(), true);
        Thread.sleep(1000); // the last calls settle
        // more calls than before take new paths, which the JIT compiles for a while: warming up, not steady state
        double jitWait = server.awaitCompilerQuiet(Duration.ofSeconds(45));
        driver.pause(PAUSE_BEFORE_MEASURING_MILLIS);
        Thread.sleep(200); // the first messages after the pause
        ServerProcess.Usage before = server.usage();
        long stealBefore = stealTicks();
        long segmentsBefore = tcpSegmentsSent();
        long start = System.nanoTime();
        driver.startMeasuring();
        Thread.sleep(duration.toMillis());
        ServerProcess.Usage used = server.usage().minus(before);
        double seconds = (System.nanoTime() - start) / 1e9;
        double stealPercent = (stealTicks() - stealBefore) / ServerProcess.TICKS_PER_SECOND / seconds * 100;
        double segmentsPerSecond = (tcpSegmentsSent() - segmentsBefore) / seconds;
        LoadDriver.Result result = driver.stopAndCollect(1500, mode.startsWith("camel-echo-100ms") ? 5 : 1);
        long heap = server.heapAfterGc();
        long sentTotal = driver.sentTotal();
        driver.hangupAll();
        Thread.sleep(1000);
        long lost = result.lost();
        if (forward) {
            // nothing comes back: every message sent since the calls were dialled must have reached the route (the
            // last chunk of each call at its hangup)
            lost = Math.max(0, sentTotal - (server.forwarded() - forwardedBefore) / LoadDriver.FRAME);
        }
        return new StepResult(result, lost, (used.userSeconds() + used.systemSeconds()) / seconds * 100,
                used.systemSeconds() / seconds * 100, used.compilerSeconds() / seconds * 100, jitWait,
                used.switches() / seconds, segmentsPerSecond, stealPercent, heap, !forward);
    }

    /**
     * CPU time the hypervisor gave to others while this machine wanted it, all cores, in clock ticks: on a virtual
     * machine it is why runs differ, so each step reports it.
     */
    private static long stealTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return Long.parseLong(cpu[8]);
    }

    /**
     * TCP segments this machine has sent, from {@code /proc/net/snmp}: all of its TCP, which during a step is almost
     * all the driver's and the server's traffic over loopback. An echo takes two data segments per message; the rest are acknowledgements sent on their own, which
     * cost both ends a pass through the TCP stack.
     */
    private static long tcpSegmentsSent() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                List<String> names = List.of(lines.get(i).trim().split("\\s+"));
                String[] values = lines.get(i + 1).trim().split("\\s+");
                return Long.parseLong(values[names.indexOf("OutSegs")]);
            }
        }
        throw new IOException("no Tcp: lines in /proc/net/snmp");
    }

    /** One step's figures. */
    record StepResult(LoadDriver.Result driver, long lost, double cpuPercent, double systemPercent,
            double compilerPercent, double jitWaitSeconds, double switchesPerSecond, double segmentsPerSecond,
            double stealPercent, long heap, boolean echo) {

        String row(String server, int calls, long heapAtRest) {
            return String.format("%-17s %6d %9s %9s %9s %7d %9d %9s %7.1f%% %7.1f%% %5.1f%% %5.0f s %10.0f %10.0f"
                                 + " %6.1f%% %7.1f MB %7.1f KiB",
                    server, calls, ms(50), ms(99), ms(100), lost, driver.corrupted(),
                    echo ? String.format("%.2f ms", driver.gaps().percentileMillis(99)) : "-", cpuPercent,
                    systemPercent, compilerPercent, jitWaitSeconds, switchesPerSecond, segmentsPerSecond, stealPercent,
                    heap / 1048576.0, (heap - heapAtRest) / 1024.0 / calls);
        }

        private String ms(double percentile) {
            return echo ? String.format("%.2f ms", driver.latency().percentileMillis(percentile)) : "-";
        }
    }
}
