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
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import static org.apache.camel.component.audiosocket.AudioSocketConstants.EVENT_TYPE;

/**
 * The demo: with {@code -Dsimulate.calls=N}, once the recorder is up it dials itself with N simulated Asterisk calls
 * (the call simulator, in this JVM), prints what happened and which recordings it made, and stops. Without it, the
 * recorder just waits for Asterisk.
 * <p>
 * The simulator is done when its calls have hung up, which is before the recorder has handled the last audio and the
 * HANGUP of each: the recordings are listed once the route has finished every call it started, so that each file is
 * listed with its final size.
 */
final class SimulatedCalls extends MainListenerSupport {

    /** How long the route may take to finish the calls once the simulator is done with them. */
    private static final long FINISH_TIMEOUT_MS = 15_000;

    private final Main main;
    private final CallsFinished finished = new CallsFinished();
    private volatile boolean failed;

    SimulatedCalls(Main main) {
        this.main = main;
    }

    @Override
    public void afterConfigure(BaseMainSupport support) {
        // before the start, so that the route's exchanges are reported to it from the first call on
        support.getCamelContext().getManagementStrategy().addEventNotifier(finished);
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
                if (!finished.await(summary.connected(), FINISH_TIMEOUT_MS)) {
                    System.out.println("\nThe recorder had not finished every call " + FINISH_TIMEOUT_MS / 1000
                                       + " s after they hung up: some recordings below may not be complete yet");
                }
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

    /**
     * Counts the route's calls, started (their CALL_START exchange done) and finished (their HANGUP exchange done: the
     * recorder has written the last audio and the files' final headers). A call's exchanges are handled one at a
     * time and in order, so a call whose HANGUP is done has nothing left to write.
     */
    private static final class CallsFinished extends EventNotifierSupport {

        private int started;
        private int ended;

        CallsFinished() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeRedeliveryEvents(true);
        }

        @Override
        public void notify(CamelEvent event) {
            // completed or failed: done either way
            if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
                Object type = ((CamelEvent.ExchangeEvent) event).getExchange().getMessage().getHeader(EVENT_TYPE);
                if ("CALL_START".equals(String.valueOf(type))) {
                    changed(1, 0);
                } else if ("HANGUP".equals(String.valueOf(type))) {
                    changed(0, 1);
                }
            }
        }

        private synchronized void changed(int moreStarted, int moreEnded) {
            started += moreStarted;
            ended += moreEnded;
            notifyAll();
        }

        /**
         * Waits until at least {@code calls} calls have ended, and every call started has: false when that took
         * longer than {@code timeoutMs}.
         */
        synchronized boolean await(long calls, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (ended < Math.max(calls, started)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }
}
