package org.apache.camel.audiosocket.examples.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.audiosocket.examples.simulator.CallSimulator;
import org.apache.camel.audiosocket.examples.simulator.SimulatorOptions;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The demo: with {@code -Dsimulate.calls=N}, once the recorder is up it dials itself with N simulated Asterisk calls
 * (the call simulator, in this JVM), prints what happened and which recordings it made, and stops. Without it, the
 * recorder just waits for Asterisk.
 */
final class SimulatedCalls extends MainListenerSupport {

    private final Main main;
    private volatile boolean failed;

    SimulatedCalls(Main main) {
        this.main = main;
    }

    @Override
    public void afterStart(BaseMainSupport support) {
        CamelContext context = support.getCamelContext();
        int calls = Integer.parseInt(context.resolvePropertyPlaceholders("{{simulate.calls:0}}"));
        if (calls <= 0) {
            return;
        }
        String port = context.resolvePropertyPlaceholders("{{audiosocket.port}}");
        String duration = context.resolvePropertyPlaceholders("{{simulate.duration:5s}}");
        Path recordings = Path.of(context.resolvePropertyPlaceholders("{{recordings.dir}}")).toAbsolutePath();
        Thread demo = new Thread(() -> {
            try {
                Set<Path> earlier = files(recordings);
                CallSimulator.Summary summary = new CallSimulator(SimulatorOptions.parse("--port", port, "--calls",
                        String.valueOf(calls), "--duration", duration, "--dtmf", "1#"), System.out).run();
                failed = !summary.success();
                System.out.println("\nRecordings of these calls, in " + recordings + ":");
                files(recordings).stream().filter(f -> !earlier.contains(f)).sorted().forEach(
                        f -> System.out.println("  " + f.getFileName() + "  " + f.toFile().length() + " bytes"));
                if (!earlier.isEmpty()) {
                    System.out.println("  (and " + earlier.size() + " file(s) of earlier runs)");
                }
                System.out.println("\nThe greeting (1.5 s: 75 frames) was played back into each call; keep-alive silence"
                                   + " makes up the rest of the frames received.");
            } catch (Exception e) {
                failed = true;
                System.err.println("The simulated calls failed: " + e.getMessage());
            } finally {
                main.completed();
            }
        }, "simulated-calls");
        demo.start();
    }

    /** The files in the folder, none when it is not there yet. */
    private static Set<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** Whether the simulated calls did not all go as they should (the simulator's result was not OK). */
    boolean failed() {
        return failed;
    }
}
