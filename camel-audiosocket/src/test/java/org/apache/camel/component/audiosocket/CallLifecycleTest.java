package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Capture;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How calls begin and end: exactly one HANGUP, with the right reason, whoever ends the call and however. */
class CallLifecycleTest extends AudioSocketTestSupport {

    private final UUID uuid = UUID.randomUUID();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("")).routeId("calls").process(events);
                from("direct:command").to(audiosocket(""));
            }
        };
    }

    @Test
    void connectionClosedBeforeAnyByteIsNotACall() throws Exception {
        // what AudioSocket() does on a channel that was never answered
        SimulatedCall.connect(port).close();
        awaitTrue("the connection to be released", 5, TimeUnit.SECONDS, () -> server("calls").openConnections() == 0);
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid);
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals(List.of("CALL_START", "HANGUP"), events.events().stream().map(Event::type).toList());
        assertEquals(1, server("calls").callsTotal());
    }

    @Test
    void callerHangsUpWithFin() throws Exception {
        long before = System.nanoTime();
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid);
            events.await(e -> "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
            Thread.sleep(300);
            asterisk.sendAudio(0x10, Frames.pattern(1, 320));
        }
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        long callerSaw = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
        long duration = (Long) hangup.header(AudioSocketConstants.CALL_DURATION);
        // from the UUID to the FIN: the 300 ms the call was up, and no more than the caller saw from connect to HANGUP
        assertTrue(duration >= 300 && duration <= callerSaw, duration + " ms, the caller saw " + callerSaw + " ms");
        assertEquals(List.of("CALL_START", "AUDIO", "HANGUP"), types());
    }

    @Test
    void peerSendsHangupMessage() throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid).sendAudio(0x10, Frames.pattern(1, 320)).sendRaw(new byte[] { 0, 0, 0 });
            assertTrue(asterisk.awaitClosed(Duration.ofSeconds(5)), "the server closes after a hangup message");
        }
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals("REMOTE_HANGUP", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(List.of("CALL_START", "AUDIO", "HANGUP"), types());
    }

    @Test
    void connectionResetByPeer() throws Exception {
        SimulatedCall asterisk = SimulatedCall.connect(port);
        asterisk.sendUuid(uuid).sendAudio(0x10, Frames.pattern(1, 320));
        events.await(e -> "AUDIO".equals(e.type()), 5, TimeUnit.SECONDS);
        asterisk.reset();
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals("CONNECTION_LOST", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(List.of("CALL_START", "AUDIO", "HANGUP"), types());
    }

    @Test
    void routeHangsUpTheCall() throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid);
            events.await(e -> "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
            template.sendBodyAndHeaders("direct:command", null, java.util.Map.of(
                    AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.COMMAND, "HANGUP"));
            assertTrue(asterisk.awaitClosed(Duration.ofSeconds(5)));
            // what Asterisk sees: the hangup message, then the end of the stream
            List<ReceivedMessage> received = asterisk.received();
            assertEquals(1, received.size());
            assertEquals(0x00, received.get(0).kind());
            assertEquals(0, received.get(0).payload().length);
        }
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals("LOCAL_HANGUP", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(1, events.ofType(uuid.toString(), "HANGUP").size());
    }

    @Test
    void stoppingTheConsumerEndsLiveCallsAfterTheirLastAudio() throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid).sendAudio(0x10, Frames.pattern(1, 320)).sendAudio(0x10, Frames.pattern(2, 320));
            events.await(e -> "AUDIO".equals(e.type()) && (Long) e.header(AudioSocketConstants.SEQUENCE) == 3, 5,
                    TimeUnit.SECONDS);
            context.getRouteController().stopRoute("calls");
            assertTrue(asterisk.awaitClosed(Duration.ofSeconds(5)));
        }
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals("SHUTDOWN", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(List.of("CALL_START", "AUDIO", "AUDIO", "HANGUP"), types());
    }

    @Test
    void peerErrorIsReportedAndTheCallGoesOn() throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid).sendRaw(Frames.frame(0xff, new byte[] { 0x04 })).sendRaw(Frames.frame(0xff, new byte[0]))
                    .sendRaw(Frames.frame(0x02, new byte[] { 9, 8 })).sendAudio(0x10, Frames.pattern(1, 320));
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals(List.of("CALL_START", "ERROR", "ERROR", "LEGACY_FRAME", "AUDIO", "HANGUP"), types());
        List<Event> errors = events.ofType(uuid.toString(), "ERROR");
        assertEquals("PEER_ERROR", errors.get(0).header(AudioSocketConstants.ERROR_TYPE));
        assertEquals(4, errors.get(0).header(AudioSocketConstants.ERROR_CODE));
        assertEquals(null, errors.get(1).header(AudioSocketConstants.ERROR_CODE));
        assertArrayEquals(new byte[] { 9, 8 }, events.ofType(uuid.toString(), "LEGACY_FRAME").get(0).bytes());
        assertEquals("REMOTE_CLOSED", events.ofType(uuid.toString(), "HANGUP").get(0)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void audioReachesTheRouteWithTheCallsHeaders() throws Exception {
        Capture capture = Capture.load("chan-slin16-dtmf-12star-hash");
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.replay(capture.bytes(), false);
        }
        events.awaitHangup(capture.uuid(), 5, TimeUnit.SECONDS);
        Event audio = events.ofType(capture.uuid(), "AUDIO").get(0);
        assertEquals(capture.uuid(), audio.header(AudioSocketConstants.UUID));
        assertEquals(16000, audio.header(AudioSocketConstants.SAMPLE_RATE));
        assertEquals("SLIN", audio.header(AudioSocketConstants.CODEC));
        assertEquals(640, audio.bytes().length);
        assertTrue(audio.header(AudioSocketConstants.REMOTE_ADDRESS).toString().matches("127\\.0\\.0\\.1:\\d+"));
        // the byte[] body converts as Camel users expect
        assertArrayEquals(audio.bytes(), context.getTypeConverter().convertTo(java.io.InputStream.class, audio.body())
                .readAllBytes());
        java.nio.ByteBuffer buffer = context.getTypeConverter().convertTo(java.nio.ByteBuffer.class, audio.body());
        assertEquals(640, buffer.remaining());
    }

    private List<String> types() {
        return events.events(uuid.toString()).stream().map(Event::type).toList();
    }
}
