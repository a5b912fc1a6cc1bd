package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.TcpStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input gets its named error on an ERROR exchange, its connection is closed promptly (and not left
 * in CLOSE-WAIT), and a good call running at the same time notices nothing.
 */
class BadInputTest extends AudioSocketTestSupport {

    private static final UUID BAD_CALL = UUID.fromString("0badca11-0000-4000-8000-000000000001");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("maxFrameSize=4000&uuidTimeout=300")).routeId("calls").process(events);
            }
        };
    }

    static Stream<Arguments> badInputs() {
        byte[] uuid = Frames.uuid(BAD_CALL);
        return Stream.of(
                arguments("UNKNOWN_KIND", Frames.concat(uuid, Frames.frame(0x42, new byte[4])), true, false),
                arguments("UNKNOWN_KIND", "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false, false),
                arguments("FIRST_FRAME_NOT_UUID", Frames.frame(0x10, new byte[320]), false, false),
                arguments("UNEXPECTED_UUID", Frames.concat(uuid, uuid), true, false),
                arguments("INVALID_UUID_LENGTH", Frames.frame(0x01, new byte[15]), false, false),
                arguments("INVALID_DTMF", Frames.concat(uuid, Frames.frame(0x03, new byte[] { '1', '2' })), true, false),
                arguments("INVALID_AUDIO_LENGTH", Frames.concat(uuid, Frames.frame(0x10, new byte[321])), true, false),
                arguments("INVALID_AUDIO_LENGTH", Frames.concat(uuid, Frames.frame(0x12, new byte[0])), true, false),
                // only the header of a too large message: it must be refused without waiting for the payload
                arguments("FRAME_TOO_LARGE", Frames.concat(uuid, new byte[] { 0x10, 0x1f, 0x40 }), true, false),
                arguments("UUID_TIMEOUT", new byte[0], false, false),
                // the sender closes in the middle of a message
                arguments("TRUNCATED_FRAME", Frames.concat(uuid, new byte[] { 0x10, 0x01, 0x40, 1, 2, 3 }), true, true),
                arguments("TRUNCATED_FRAME", Frames.concat(uuid, new byte[] { 0x10, 0x01 }), true, true));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("badInputs")
    void badInputEndsOnlyItsOwnConnection(String error, byte[] input, boolean callStarted, boolean senderCloses)
            throws Exception {
        UUID goodUuid = UUID.randomUUID();
        byte[] goodAudio = Frames.pattern(3, 50 * 320);
        CompletableFuture<Void> goodCall = CompletableFuture.runAsync(() -> playGoodCall(goodUuid, goodAudio));

        try (SimulatedCall bad = SimulatedCall.connect(port)) {
            bad.sendRaw(input);
            if (senderCloses) {
                bad.shutdownOutput();
            }
            assertTrue(bad.awaitClosed(Duration.ofSeconds(5)), "the server closes the bad connection");
        }
        Event failure = events.await(e -> "ERROR".equals(e.type()) && !goodUuid.toString().equals(e.uuid()),
                5, TimeUnit.SECONDS);
        assertEquals(error, failure.header(AudioSocketConstants.ERROR_TYPE));
        assertTrue(((String) failure.body()).startsWith(error + ": "), (String) failure.body());
        assertTrue(failure.header(AudioSocketConstants.REMOTE_ADDRESS).toString().startsWith("127.0.0.1:"));

        if (callStarted) {
            assertEquals(BAD_CALL.toString(), failure.uuid());
            Event hangup = events.awaitHangup(BAD_CALL.toString(), 5, TimeUnit.SECONDS);
            assertEquals("PROTOCOL_ERROR", hangup.header(AudioSocketConstants.HANGUP_REASON));
            assertEquals(1, events.ofType(BAD_CALL.toString(), "HANGUP").size());
            assertEquals(3, events.events(BAD_CALL.toString()).size()); // CALL_START, ERROR, HANGUP
        } else {
            assertEquals(null, failure.uuid()); // no UUID, no call: no CALL_START or HANGUP either
        }

        goodCall.get(10, TimeUnit.SECONDS);
        events.awaitHangup(goodUuid.toString(), 5, TimeUnit.SECONDS);
        assertArrayEquals(goodAudio, events.audio(goodUuid.toString()));
        assertEquals("REMOTE_CLOSED", events.ofType(goodUuid.toString(), "HANGUP").get(0)
                .header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(0, events.ofType(goodUuid.toString(), "ERROR").size());

        awaitTrue("all connections released", 5, TimeUnit.SECONDS, () -> server("calls").openConnections() == 0);
        if (TcpStates.available()) {
            assertEquals(0, TcpStates.closeWaitOnLocalPort(port), "connections left in CLOSE-WAIT");
        }
        assertEquals(1, server("calls").protocolErrors());
    }

    @Test
    void aDtmfByteThatIsNoDigitIsReportedAndTheCallGoesOn() throws Exception {
        // the message arrived whole and the stream is in step: one bad key press must not cost the caller the call
        UUID uuid = UUID.randomUUID();
        byte[] first = Frames.pattern(1, 320);
        byte[] second = Frames.pattern(2, 320);
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid).sendAudio(0x10, first).sendRaw(Frames.frame(0x03, new byte[] { 'x' }))
                    .sendAudio(0x10, second).sendRaw(Frames.frame(0x03, new byte[] { '5' }));
            events.await(e -> "DTMF".equals(e.type()), 5, TimeUnit.SECONDS);
            assertFalse(asterisk.isClosedByServer(), "the call is still up");
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        List<Event> all = events.events(uuid.toString());
        assertEquals(List.of("CALL_START", "AUDIO", "ERROR", "AUDIO", "DTMF", "HANGUP"), all.stream().map(Event::type).toList());
        assertEquals("INVALID_DTMF", all.get(2).header(AudioSocketConstants.ERROR_TYPE));
        assertEquals("INVALID_DTMF: byte 0x78 is not a DTMF digit", all.get(2).body());
        assertEquals("5", all.get(4).header(AudioSocketConstants.DTMF_DIGIT));
        assertEquals("REMOTE_CLOSED", all.get(5).header(AudioSocketConstants.HANGUP_REASON));
        assertArrayEquals(Frames.concat(first, second), events.audio(uuid.toString()));
        assertEquals(0, server("calls").protocolErrors(), "no connection was closed for it");
    }

    private void playGoodCall(UUID uuid, byte[] audio) {
        try (SimulatedCall asterisk = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            asterisk.play(audio);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
