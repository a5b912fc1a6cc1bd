package org.apache.camel.audiosocket.examples.jms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.audiosocket.examples.simulator.CallSimulator;
import org.apache.camel.audiosocket.examples.simulator.SimulatorOptions;
import org.apache.camel.main.Main;

/**
 * The whole example in one JVM, no broker or PBX needed: an Artemis broker, the gateway and the recorder on port 9092,
 * and the call simulator dialling {@code -Dsimulate.calls} calls (default 10); then the recordings are listed.
 */
public final class JmsDemo {

    private JmsDemo() {
    }

    public static void main(String[] args) throws Exception {
        String calls = System.getProperty("simulate.calls", "10");
        String duration = System.getProperty("simulate.duration", "5s");
        Path recordings = Path.of(System.getProperty("recordings.dir", "recordings"));
        Set<Path> earlier = files(recordings);
        boolean ok;
        try (EmbeddedArtemis broker = new EmbeddedArtemis()) {
            Main app = JmsRecorderApplication.newMain("both");
            app.addOverrideProperty("jms.broker-url", broker.url());
            app.addOverrideProperty("gateway.host", "127.0.0.1");
            app.start();
            try {
                System.out.println("Artemis at " + broker.url() + "; gateway and recorder on port 9092");
                CallSimulator.Summary summary = new CallSimulator(SimulatorOptions.parse("--port", "9092", "--calls",
                        calls, "--ramp", "1s", "--duration", duration, "--dtmf", "1#", "--progress", "2s"), System.out)
                        .run();
                ok = summary.success();
                Thread.sleep(1000); // the last messages of the last calls reach the recorder
            } finally {
                app.stop();
            }
        }
        System.out.println("Recordings of these calls, in " + recordings.toAbsolutePath() + ":");
        files(recordings).stream().filter(f -> !earlier.contains(f)).sorted()
                .forEach(f -> System.out.printf("  %s  %,d bytes%n", f.getFileName(), f.toFile().length()));
        if (!earlier.isEmpty()) {
            System.out.println("  (and " + earlier.size() + " file(s) of earlier runs)");
        }
        System.exit(ok ? 0 : 1);
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
}
