package org.apache.camel.audiosocket.examples.soak;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.audiosocket.examples.simulator.CallSimulator;
import org.apache.camel.audiosocket.examples.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A soak run in miniature: the call simulator churns calls through the soak server's echo route for a few seconds,
 * every call is echoed exactly, and the samples account for every call and show them all gone at the end.
 */
class SoakServerTest {

    @Test
    void callsComeAndGoAndTheSamplesAccountForEveryOne() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SoakServer soak = SoakServer.start(0)) {
            ResourceSample before = soak.sample();
            assertEquals(0, before.activeCalls());

            CompletableFuture<ResourceSample> underLoad = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(1500); // the calls are up: 200 ms ramp, at least 1 s each
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return soak.sample();
            });
            CallSimulator.Summary run = new CallSimulator(SimulatorOptions.parse("--port", "" + soak.port(), "--calls",
                    "4", "--ramp", "200ms", "--churn", "3s", "--duration", "2s", "--echo-check", "--progress", "1s"),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

            assertTrue(run.success(), printed.toString());
            // each call lasts 1 to 2 s and its slot dials the next one until 3 s have passed: at least two per slot
            assertTrue(run.calls() >= 8, "calls were replaced as they ended: " + run.calls());
            assertEquals(run.calls(), run.echoOk(), printed.toString());
            assertEquals(run.framesSent(), run.framesReceived(), "every frame came back: " + printed);
            ResourceSample loaded = underLoad.get();
            assertTrue(loaded.activeCalls() > 0, loaded.line());
            awaitGone(soak);

            ResourceSample after = soak.sample();
            assertEquals(0, after.activeCalls());
            assertEquals(run.calls(), after.callsTotal());
            assertTrue(after.heapAfterGc() > 0 && after.threads() > 0 && after.openFiles() > 0, after.line());
            assertEquals(List.of(before, loaded, after), soak.samples());
            String summary = soak.summary();
            assertTrue(summary.startsWith("Soak summary: 1 of 3 samples under load (" + loaded.activeCalls()
                                          + " calls up at the peak)"), summary);
            assertTrue(summary.contains("start    " + loaded.line()) && summary.contains("end      " + loaded.line())
                       && summary.contains("at rest  " + after.line()), summary);
        }
    }

    @Test
    void durationsAreExplained() {
        assertEquals(Duration.ofMillis(500), SoakServer.duration("500ms"));
        assertEquals(Duration.ofSeconds(30), SoakServer.duration("30s"));
        assertEquals(Duration.ofMinutes(2), SoakServer.duration("2m"));
        assertEquals("Not a duration: 2h (examples: 500ms, 30s, 2m)",
                assertThrows(IllegalArgumentException.class, () -> SoakServer.duration("2h")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoakServer.duration("0s"));
    }

    private static void awaitGone(SoakServer soak) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (soak.server().activeCalls() > 0 || soak.server().openConnections() > 0) {
            assertTrue(System.nanoTime() < deadline, "every call released");
            Thread.sleep(10);
        }
    }
}
