package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.LogCapture;
import org.apache.camel.component.audiosocket.support.TcpStates;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that fail in the middle of things (reset mid-frame, half-closed, closed during playback): exactly one
 * HANGUP, everything released, nothing left in CLOSE-WAIT; a stop that takes every byte received to the route;
 * rejections logged once, without audio.
 */
class FaultsTest extends AudioSocketTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("chunkDuration=100")).routeId("calls").process(events);
                from("direct:play").to(audiosocket(""));
            }
        };
    }

    @Test
    void resetInTheMiddleOfAFrame() throws Exception {
        UUID uuid = UUID.randomUUID();
        SimulatedCall call = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial();
        call.sendAudio(0x10, Frames.pattern(1, 320));
        call.sendRaw(new byte[] { 0x10, 0x01, 0x40, 1, 2, 3, 4 }); // a header and 4 of 320 bytes
        awaitTrue("the whole frame to arrive", 5, TimeUnit.SECONDS, () -> server("calls").bytesReceived() == 320);
        call.reset();
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertTrue(List.of("CONNECTION_LOST", "PROTOCOL_ERROR").contains(hangup.header(AudioSocketConstants.HANGUP_REASON)),
                String.valueOf(hangup.header(AudioSocketConstants.HANGUP_REASON)));
        assertReleasedOnce(uuid);
        assertEquals(320, events.audio(uuid.toString()).length, "the whole frame before the reset reached the route");
    }

    @Test
    void halfClosedByThePeer() throws Exception {
        // the peer sends its FIN but keeps its socket open: the server must not wait for more, nor leave its own side
        // open (CLOSE-WAIT) for the peer to finish
        UUID uuid = UUID.randomUUID();
        SimulatedCall call = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial();
        byte[] audio = Frames.pattern(5, 5 * 320);
        call.play(audio, 8000, false);
        call.shutdownOutput();
        assertTrue(call.awaitClosed(Duration.ofSeconds(5)), "the server closed its side");
        assertEquals("REMOTE_CLOSED", events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
        assertReleasedOnce(uuid);
        assertArrayEquals(audio, events.audio(uuid.toString()), "every frame before the FIN reached the route");
        call.close();
    }

    @Test
    void peerClosesWhilePlaybackIsGoing() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (SimulatedCall call = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            events.await(e -> "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
            template.sendBodyAndHeader("direct:play", new byte[80_000], AudioSocketConstants.UUID, uuid.toString());
            call.awaitReceived(10, Duration.ofSeconds(5));
        }
        assertEquals("REMOTE_CLOSED", events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
        assertReleasedOnce(uuid);
    }

    @Test
    void stopTakesEveryByteReceivedToTheRoute() throws Exception {
        AudioSocketServer server = server("calls");
        List<SimulatedCall> calls = new ArrayList<>();
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SimulatedCall call = SimulatedCall.dial(port);
            calls.add(call);
            int seed = i;
            // as fast as the socket takes it, until the server closes the call
            senders.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int f = 0; !call.isClosedByServer(); f++) {
                        call.sendAudio(0x10, Frames.pattern(seed * 100_000 + f, 320));
                    }
                } catch (Exception closed) {
                    // the server went away: that is the point
                }
            }));
        }
        awaitTrue("every call to start", 5, TimeUnit.SECONDS, () -> server.activeCalls() == 20);
        awaitTrue("audio to flow", 5, TimeUnit.SECONDS, () -> server.bytesReceived() > 20 * 16_000);
        context.getRouteController().stopRoute("calls");
        for (SimulatedCall call : calls) {
            assertTrue(call.awaitClosed(Duration.ofSeconds(5)), "the server closed every call");
            call.close();
        }
        CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        long delivered = 0;
        for (SimulatedCall call : calls) {
            String uuid = call.uuid().toString();
            List<Event> hangups = events.ofType(uuid, "HANGUP");
            assertEquals(1, hangups.size(), "one HANGUP for " + uuid + ": " + events.events(uuid).stream()
                    .map(Event::type).distinct().toList() + " of " + events.events(uuid).size());
            assertEquals("SHUTDOWN", hangups.get(0).header(AudioSocketConstants.HANGUP_REASON));
            List<Event> all = events.events(uuid);
            assertEquals("HANGUP", all.get(all.size() - 1).type(), "HANGUP last");
            delivered += events.audio(uuid).length;
        }
        assertEquals(server.bytesReceived(), delivered, "every byte of audio the server received reached the route");
        if (TcpStates.available()) {
            assertEquals(0, TcpStates.closeWaitOnLocalPort(port));
        }
    }

    @Test
    void rejectionsAreLoggedOnceWithTheAddressAndWithoutAudio() throws Exception {
        byte[] audio = Frames.pattern(99, 320);
        try (LogCapture log = LogCapture.capture(); SimulatedCall bad = SimulatedCall.dial(port)) {
            bad.sendAudio(0x10, audio).sendRaw(new byte[] { 0x42, 0x00, 0x02, 0x00, 0x00 });
            assertTrue(bad.awaitClosed(Duration.ofSeconds(5)));
            events.awaitHangup(bad.uuid().toString(), 5, TimeUnit.SECONDS);
            List<String> lines = log.lines();
            assertEquals(1, lines.stream().filter(l -> l.contains("UNKNOWN_KIND")).count(), lines.toString());
            String line = lines.stream().filter(l -> l.contains("UNKNOWN_KIND")).findFirst().orElseThrow();
            assertTrue(line.startsWith("WARN") && line.contains("127.0.0.1:") && line.contains(bad.uuid().toString()),
                    line);
            String hex = HexFormat.of().formatHex(audio, 0, 8);
            assertFalse(lines.stream().anyMatch(l -> l.contains(hex)), "audio bytes in the log: " + lines);
        }
    }

    private void assertReleasedOnce(UUID uuid) throws Exception {
        awaitTrue("the connection to be released", 5, TimeUnit.SECONDS, () -> server("calls").openConnections() == 0);
        assertEquals(1, events.ofType(uuid.toString(), "HANGUP").size(), "exactly one HANGUP");
        assertEquals(null, server("calls").findCall(uuid), "the call is gone");
        if (TcpStates.available()) {
            assertEquals(0, TcpStates.closeWaitOnLocalPort(port), "connections left in CLOSE-WAIT");
        }
    }
}
