package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With exchangePattern=InOut the body a route leaves is played back into the call; keepAliveInterval sends silence
 * into a call nothing is played into, so Asterisk's AudioSocket() does not time it out; a route that fails on one
 * exchange does not end the call.
 */
class RepliesAndKeepAliveTest extends AudioSocketTestSupport {

    private static final byte[] GREETING = Frames.pattern(42, 640);
    private final int keepAlivePort = AvailablePortFinder.getNextAvailable();
    private final int failingPort = AvailablePortFinder.getNextAvailable();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an echo bot: greets the caller, then repeats what it hears
                from(audiosocket("exchangePattern=InOut"))
                        .choice()
                            .when(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("CALL_START"))
                                .setBody(constant(GREETING))
                            .when(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("DTMF"))
                                .setHeader(AudioSocketConstants.COMMAND, constant("HANGUP"))
                        .end()
                        .process(events);
                from("audiosocket:127.0.0.1:" + keepAlivePort + "?keepAliveInterval=150").process(events);
                from("audiosocket:127.0.0.1:" + failingPort)
                        .process(events)
                        .filter(simple("${header.CamelAudioSocketSequence} == 2"))
                            .throwException(new IllegalStateException("route failed on purpose"));
            }
        };
    }

    @Test
    void inOutRouteRepliesIntoTheCall() throws Exception {
        UUID uuid = UUID.randomUUID();
        byte[] caller = Frames.pattern(1, 10 * 320);
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid);
            for (int f = 0; f < 10; f++) {
                asterisk.sendAudio(0x10, java.util.Arrays.copyOfRange(caller, f * 320, (f + 1) * 320));
            }
            asterisk.sendDtmf("#");
            // greeting (2 frames), the echo (10 frames), then the hangup the DTMF reply asked for
            assertTrue(asterisk.awaitClosed(Duration.ofSeconds(10)));
            List<ReceivedMessage> received = asterisk.received();
            assertEquals(13, received.size());
            assertEquals(0x00, received.get(12).kind());
            assertArrayEquals(Frames.concat(GREETING, caller), asterisk.receivedAudio());
        }
        assertEquals("LOCAL_HANGUP", events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void silentCallGetsKeepAliveSilence() throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.connect(keepAlivePort)) {
            asterisk.sendUuid(UUID.randomUUID());
            List<ReceivedMessage> received = asterisk.awaitReceived(3, Duration.ofSeconds(5));
            assertEquals(3, received.size());
            for (ReceivedMessage r : received) {
                assertEquals(0x10, r.kind());
                assertArrayEquals(new byte[320], r.payload());
            }
            long gap = received.get(2).at().toNanos() - received.get(1).at().toNanos();
            assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(100), "keep-alive every " + gap / 1e6 + " ms");
        }
    }

    @Test
    void failedExchangeDoesNotEndTheCall() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (SimulatedCall asterisk = SimulatedCall.connect(failingPort)) {
            asterisk.sendUuid(uuid).sendAudio(0x10, Frames.pattern(1, 320)).sendAudio(0x10, Frames.pattern(2, 320));
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals(List.of("CALL_START", "AUDIO", "AUDIO", "HANGUP"),
                events.events(uuid.toString()).stream().map(e -> e.type()).toList());
        assertEquals("REMOTE_CLOSED", events.ofType(uuid.toString(), "HANGUP").get(0)
                .header(AudioSocketConstants.HANGUP_REASON));
    }
}
