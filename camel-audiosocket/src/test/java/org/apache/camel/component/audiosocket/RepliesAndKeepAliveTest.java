package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
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
    private final int keepAlivePort = FreePorts.next();
    private final int failingPort = FreePorts.next();
    private final String failingCall = UUID.randomUUID().toString();
    private final List<String> errorsHandled = new CopyOnWriteArrayList<>();
    private final int chunkedPort = FreePorts.next();
    private final List<Throwable> replyErrors = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("replyErrors", new ExceptionHandler() {
                    @Override
                    public void handleException(Throwable exception) {
                        replyErrors.add(exception);
                    }

                    @Override
                    public void handleException(String message, Throwable exception) {
                        replyErrors.add(exception);
                    }

                    @Override
                    public void handleException(String message, Exchange exchange, Throwable exception) {
                        replyErrors.add(exception);
                    }
                });
                // an echo of 100 ms chunks whose failures to play are recorded rather than logged
                from("audiosocket:127.0.0.1:" + chunkedPort + "?exchangePattern=InOut&chunkDuration=100"
                     + "&exceptionHandler=#replyErrors")
                        .process(events)
                        .filter(header(AudioSocketConstants.EVENT_TYPE).isNotEqualTo("AUDIO")).setBody(constant(null));
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
                        .onException(IllegalStateException.class)
                            .process(e -> errorsHandled.add(e.getMessage().getHeader(AudioSocketConstants.UUID) + "#"
                                                            + e.getMessage().getHeader(AudioSocketConstants.SEQUENCE)))
                        .end()
                        .process(events)
                        .filter(e -> failingCall.equals(e.getMessage().getHeader(AudioSocketConstants.UUID))
                                     && e.getMessage().getHeader(AudioSocketConstants.SEQUENCE, Long.class) == 2)
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
    void theReplyToAudioDeliveredAtHangupIsDroppedQuietly() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (SimulatedCall asterisk = SimulatedCall.to("127.0.0.1", chunkedPort).uuid(uuid).dial()) {
            asterisk.play(Frames.pattern(3, 7 * 320)); // 140 ms: one 100 ms chunk, and 40 ms left when it hangs up
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals(2, events.ofType(uuid.toString(), "AUDIO").size(), "the last 40 ms came at hangup");
        assertEquals(List.of(), replyErrors, "a reply into a call that has ended is no error: nobody is there to hear it");
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
    void failedExchangeGoesToTheErrorHandlerAndTheCallGoesOn() throws Exception {
        UUID other = UUID.randomUUID();
        try (SimulatedCall failing = SimulatedCall.connect(failingPort);
             SimulatedCall fine = SimulatedCall.connect(failingPort)) {
            failing.sendUuid(UUID.fromString(failingCall));
            fine.sendUuid(other);
            for (int f = 1; f <= 3; f++) {
                failing.sendAudio(0x10, Frames.pattern(f, 320));
                fine.sendAudio(0x10, Frames.pattern(10 + f, 320));
            }
        }
        events.awaitHangup(failingCall, 5, TimeUnit.SECONDS);
        events.awaitHangup(other.toString(), 5, TimeUnit.SECONDS);
        assertEquals(List.of(failingCall + "#2"), errorsHandled, "the route's error handler saw the failure, once");
        for (String call : List.of(failingCall, other.toString())) {
            assertEquals(List.of("CALL_START", "AUDIO", "AUDIO", "AUDIO", "HANGUP"),
                    events.events(call).stream().map(e -> e.type()).toList(), call);
            assertEquals("REMOTE_CLOSED", events.ofType(call, "HANGUP").get(0).header(AudioSocketConstants.HANGUP_REASON));
        }
        assertArrayEquals(Frames.pattern(3, 320), events.ofType(failingCall, "AUDIO").get(2).bytes(),
                "the failing call's audio after the failure still reached the route");
        assertArrayEquals(Frames.concat(Frames.pattern(11, 320), Frames.pattern(12, 320), Frames.pattern(13, 320)),
                events.audio(other.toString()), "the other call is untouched");
    }
}
