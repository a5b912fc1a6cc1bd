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
import org.apache.camel.component.audiosocket.support.Pacing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10 s of audio played into a call arrives as 500 frames, one every 20 ms, without drift: each frame's arrival is
 * compared with its place on the ideal schedule (n x 20 ms from where most frames sit). Prints the figures; asserts them loosely,
 * since a shared CI machine can delay any one frame. Other endpoint options can be measured with
 * {@code -Dpacing.options=nativeTransport=true}.
 */
class PacingTest extends AudioSocketTestSupport {

    private static final int FRAMES = 500;
    private static final long FRAME_NANOS = 20_000_000L;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket(System.getProperty("pacing.options", ""))).process(events);
                from("direct:play").to(audiosocket(System.getProperty("pacing.options", "")));
            }
        };
    }

    @Test
    void tenSecondsOfAudioArePacedWithoutDrift() throws Exception {
        UUID uuid = UUID.randomUUID();
        byte[] prompt = Frames.pattern(11, FRAMES * 320);
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid);
            events.await(e -> "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
            template.sendBodyAndHeader("direct:play", prompt, AudioSocketConstants.UUID, uuid.toString());
            List<ReceivedMessage> frames = asterisk.awaitReceived(FRAMES, Duration.ofSeconds(30));

            assertEquals(FRAMES, frames.size());
            assertArrayEquals(prompt, asterisk.receivedAudio());
            Pacing pacing = Pacing.of(frames, FRAME_NANOS);
            System.out.printf("Pacing over %.3f s of audio: %s%n", FRAMES * 0.02, pacing);

            // no drift: the last frame is where the schedule says, within a few ms
            assertTrue(Math.abs(pacing.lastDeviationNanos()) < TimeUnit.MILLISECONDS.toNanos(20), pacing.toString());
            assertTrue(Math.abs(pacing.spanNanos() - pacing.idealSpanNanos()) < TimeUnit.MILLISECONDS.toNanos(50),
                    pacing.toString());
            // frames sit in their slots: 99 % within a few ms (a burst would put most of them seconds early); one
            // delayed by a pause of the shared test JVM (its collector, the receiving client) may stray further
            assertTrue(pacing.p99AbsDeviationNanos() < TimeUnit.MILLISECONDS.toNanos(20), pacing.toString());
            assertTrue(pacing.maxAbsDeviationNanos() < TimeUnit.MILLISECONDS.toNanos(100), pacing.toString());
        }
    }
}
