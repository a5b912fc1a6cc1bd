package org.apache.camel.audiosocket.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs (its application.yaml and YAML routes), on free ports: a simulated call is recorded,
 * and the actuator's health and metrics show the AudioSocket server and its calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CallsApplicationTest {

    private static final int AUDIOSOCKET_PORT = FreePorts.next();

    @TempDir
    static Path recordings;

    @LocalServerPort
    private int httpPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("audiosocket.host", () -> "127.0.0.1");
        registry.add("audiosocket.port", () -> AUDIOSOCKET_PORT);
        registry.add("recordings.dir", () -> recordings.toString());
    }

    @Test
    void theYamlRoutesAreInTheCanonicalNotation(CapturedOutput output) {
        // Camel warns at startup about routes written in the compact notation (- log: "text", - simple: "...")
        assertTrue(output.getAll().contains("Started CallsApplication"), "the startup log was captured");
        assertFalse(output.getAll().contains("compact notation"), output.getAll());
    }

    @Test
    void callIsRecordedAndTheActuatorShowsIt() throws Exception {
        byte[] caller = SimulatedCall.tone(440, 8000, Duration.ofMillis(500));
        String uuid;
        try (SimulatedCall call = SimulatedCall.dial(AUDIOSOCKET_PORT)) {
            uuid = call.uuid().toString();
            call.play(caller);
            call.sendDtmf("42");

            String health = get("/actuator/health");
            assertTrue(health.contains("\"status\":\"UP\""), health);
            assertTrue(health.contains("consumer:calls") && health.contains("audiosocket.calls.active"), health);
        }
        Path wav = recordings.resolve(uuid + ".wav");
        awaitTrue(() -> Files.exists(wav) && Files.size(wav) == Wav.HEADER_LENGTH + caller.length
                        && Arrays.equals(Wav.header(8000, caller.length),
                                Arrays.copyOf(Files.readAllBytes(wav), Wav.HEADER_LENGTH)));
        assertArrayEquals(caller, Arrays.copyOfRange(Files.readAllBytes(wav), Wav.HEADER_LENGTH,
                Wav.HEADER_LENGTH + caller.length), "the recording, byte for byte");

        String calls = get("/actuator/metrics/camel.audiosocket.calls");
        assertTrue(calls.contains("\"value\":1.0"), calls);
        String frames = get("/actuator/metrics/camel.audiosocket.frames.received");
        assertTrue(frames.contains("\"value\":25.0"), frames);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private interface Check {
        boolean holds() throws IOException;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recording was not finished in time");
            }
            Thread.sleep(10);
        }
    }
}
