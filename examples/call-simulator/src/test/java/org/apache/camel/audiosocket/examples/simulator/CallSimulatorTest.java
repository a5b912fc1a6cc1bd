package org.apache.camel.audiosocket.examples.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator against real AudioSocket servers (Camel routes on this JVM): counts, echo check, errors. */
class CallSimulatorTest extends CamelTestSupport {

    private final int echoPort = AvailablePortFinder.getNextAvailable();
    private final int garblingPort = AvailablePortFinder.getNextAvailable();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an echo server: what the caller says comes back, paced
                from("audiosocket:127.0.0.1:" + echoPort + "?exchangePattern=InOut")
                        .filter(header("CamelAudioSocketEventType").isNotEqualTo("AUDIO")).setBody(constant(null));
                // a server whose echo is one byte off on its third frame
                from("audiosocket:127.0.0.1:" + garblingPort + "?exchangePattern=InOut")
                        .filter(header("CamelAudioSocketEventType").isNotEqualTo("AUDIO")).setBody(constant(null)).end()
                        .filter(header("CamelAudioSocketSequence").isEqualTo(4))
                            .process(e -> e.getMessage().getBody(byte[].class)[7]++);
            }
        };
    }

    private CallSimulator.Summary simulate(String... args) throws Exception {
        return new CallSimulator(SimulatorOptions.parse(args), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run();
    }

    @Test
    void echoServerPassesTheEchoCheck() throws Exception {
        CallSimulator.Summary s = simulate("--port", "" + echoPort, "--calls", "5", "--ramp", "200ms", "--duration",
                "1s", "--dtmf", "1#", "--echo-check", "--progress", "500ms");
        assertTrue(s.success(), printed.toString());
        assertEquals(5, s.connected());
        assertEquals(5, s.completed());
        assertEquals(250, s.framesSent());
        assertEquals(250, s.framesReceived());
        assertEquals(5, s.echoOk());
        assertTrue(s.gapP50() > 15 && s.gapP50() < 25, "the echo is paced: p50 gap " + s.gapP50());
        String out = printed.toString();
        assertTrue(out.contains("5 dialled, 5 connected, 5 completed"), out);
        assertTrue(out.contains("echo check     5 call(s) echoed byte for byte, 0 not"), out);
        assertTrue(out.contains("result         OK"), out);
    }

    @Test
    void aGarbledEchoIsCaught() throws Exception {
        CallSimulator.Summary s = simulate("--port", "" + garblingPort, "--calls", "3", "--duration", "500ms",
                "--echo-check");
        assertFalse(s.success());
        assertEquals(3, s.echoBad());
        assertTrue(printed.toString().contains("result         FAILED"));
    }

    @Test
    void refusedConnectionsAreCountedWithTheirReason() throws Exception {
        int nobody = AvailablePortFinder.getNextAvailable();
        CallSimulator.Summary s = simulate("--port", "" + nobody, "--calls", "2", "--duration", "1s");
        assertEquals(2, s.failed());
        assertEquals(0, s.connected());
        assertTrue(s.failures().keySet().iterator().next().startsWith("connect: "), s.failures().toString());
        assertTrue(printed.toString().contains("2 x connect: "), printed.toString());
    }

    @Test
    void badOptionsAndFilesAreExplained(@TempDir Path dir) throws Exception {
        assertMessage("--rate must be one of 8000, 12000", "--rate", "22050");
        assertMessage("--duration takes a duration such as 500ms", "--duration", "soon");
        assertMessage("--codec ulaw carries 8000 Hz audio", "--codec", "ulaw", "--rate", "16000");
        assertMessage("--dtmf takes digits", "--dtmf", "12x");
        assertMessage("Unknown option --colour", "--colour", "red");
        assertMessage("--wav " + dir.resolve("none.wav") + ": no such readable file", "--wav", dir.resolve("none.wav").toString());
        Path notWav = Files.writeString(dir.resolve("text.wav"), "this is not audio");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> simulate("--port", "" + echoPort, "--wav", notWav.toString()));
        assertTrue(e.getMessage().contains("Not a WAV file"), e.getMessage());
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
