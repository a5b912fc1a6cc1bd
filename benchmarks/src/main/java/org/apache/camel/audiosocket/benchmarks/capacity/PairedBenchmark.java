package org.apache.camel.audiosocket.benchmarks.capacity;

import java.time.Duration;
import java.util.Arrays;

/**
 * Two servers side by side, under the same load at the same time: for telling whether a change saves CPU. On a shared
 * virtual machine the CPU the same server needs for the same calls differs by a fifth from one minute to the next,
 * more than most changes save, so two servers measured one after the other cannot tell them apart; two servers
 * measured over the same seconds share whatever the machine is going through. Each gets the same number of calls,
 * dialled alternately; then the CPU of both is measured over the same windows, and each window's ratio B/A is printed,
 * with their median and range.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.apache.camel.audiosocket.benchmarks.capacity.PairedBenchmark \
 *     --a camel-echo-100ms-eventloop --b camel-echo-100ms-eventloop \
 *     [--a-classpath before.jar] [--b-classpath after.jar] [--a-jvm "-Dsome.option=1"] [--b-jvm "..."] \
 *     [--calls 250] [--windows 10] [--window 10s]
 * </pre>
 * The servers are those of {@link CapacityBenchmark}; a class path other than this one runs another build of them.
 */
public final class PairedBenchmark {

    private static final int PORT_A = 9493;
    private static final int PORT_B = 9494;
    /** Longer than the capacity benchmark's: two servers and their JIT compilers warm up at once, and hold up more. */
    private static final long PAUSE_MILLIS = 5000;

    private PairedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String modeA = "netty-echo";
        String modeB = "camel-echo-eventloop";
        String classPathA = System.getProperty("java.class.path");
        String classPathB = classPathA;
        String jvmA = "";
        String jvmB = "";
        int calls = 250;
        int windows = 10;
        Duration window = Duration.ofSeconds(10);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--a" -> modeA = args[i + 1];
                case "--b" -> modeB = args[i + 1];
                case "--a-classpath" -> classPathA = args[i + 1];
                case "--b-classpath" -> classPathB = args[i + 1];
                case "--a-jvm" -> jvmA = args[i + 1];
                case "--b-jvm" -> jvmB = args[i + 1];
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--windows" -> windows = Integer.parseInt(args[i + 1]);
                case "--window" -> window = Duration.ofSeconds(Long.parseLong(args[i + 1].replace("s", "")));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        System.out.printf("A: %s %s%nB: %s %s%n%d calls each, %d windows of %d s%n", modeA, describe(classPathA, jvmA),
                modeB, describe(classPathB, jvmB), calls, windows, window.toSeconds());
        // a driver each, so that each server's echoes are told apart; one thread each, as the two threads of the
        // capacity benchmark's single driver
        try (LoadDriver driverA = new LoadDriver(1);
             LoadDriver driverB = new LoadDriver(1);
             ServerProcess a = ServerProcess.onClassPath(modeA, PORT_A, "1g", classPathA, jvmA);
             ServerProcess b = ServerProcess.onClassPath(modeB, PORT_B, "1g", classPathB, jvmB)) {
            for (int i = 0; i < calls; i++) {
                driverA.dial("127.0.0.1", PORT_A, 1, 0, true);
                driverB.dial("127.0.0.1", PORT_B, 1, 0, true);
                Thread.sleep(10);
            }
            Thread.sleep(20_000); // warm-up: the hot paths of both are compiled before anything is measured
            // both pause together (see LoadDriver.pause): what each server's queues held since dialling is played out
            Thread pauseA = new Thread(() -> pause(driverA));
            pauseA.start();
            driverB.pause(PAUSE_MILLIS);
            pauseA.join();
            Thread.sleep(200);
            driverA.startMeasuring();
            driverB.startMeasuring();
            double[] ratios = new double[windows];
            System.out.printf("%6s %8s %8s %8s %12s %12s%n", "window", "CPU A", "CPU B", "B/A", "switches/s A",
                    "switches/s B");
            for (int w = 0; w < windows; w++) {
                ServerProcess.Usage beforeA = a.usage();
                ServerProcess.Usage beforeB = b.usage();
                long start = System.nanoTime();
                Thread.sleep(window.toMillis());
                ServerProcess.Usage usedA = a.usage().minus(beforeA);
                ServerProcess.Usage usedB = b.usage().minus(beforeB);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuA = (usedA.userSeconds() + usedA.systemSeconds()) / seconds * 100;
                double cpuB = (usedB.userSeconds() + usedB.systemSeconds()) / seconds * 100;
                ratios[w] = cpuB / cpuA;
                System.out.printf("%6d %7.1f%% %7.1f%% %7.2fx %12.0f %12.0f%n", w + 1, cpuA, cpuB, ratios[w],
                        usedA.switches() / seconds, usedB.switches() / seconds);
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            System.out.printf("%nB/A over %d windows: median %.3f, lowest %.3f, highest %.3f%n", windows,
                    median(sorted), sorted[0], sorted[sorted.length - 1]);
            report("A", modeA, driverA);
            report("B", modeB, driverB);
        }
    }

    private static void pause(LoadDriver driver) {
        try {
            driver.pause(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String name, String mode, LoadDriver driver) throws InterruptedException {
        if (!mode.contains("echo")) {
            return; // nothing comes back to count
        }
        LoadDriver.Result result = driver.stopAndCollect(1500, mode.contains("100ms") ? 5 : 1);
        System.out.printf("%s: %d messages echoed, %d lost, %d corrupted; echo p50 %.2f ms, p99 %.2f ms; gap p99 %.2f ms%n",
                name, result.received(), result.lost(), result.corrupted(), result.latency().percentileMillis(50),
                result.latency().percentileMillis(99), result.gaps().percentileMillis(99));
    }

    private static String describe(String classPath, String jvm) {
        String jar = classPath.equals(System.getProperty("java.class.path")) ? "" : "(" + classPath + ")";
        return (jar + " " + jvm).trim();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
