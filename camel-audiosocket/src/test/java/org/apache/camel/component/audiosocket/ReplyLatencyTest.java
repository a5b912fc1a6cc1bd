package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An InOut reply that lasts no longer than the audio it answers continues the caller's stream (an echo, a filter, a
 * relay): a hold-up on its way, before the route or in it, is made up within the first second or so instead of staying
 * in the call's delay for good. A longer reply is an answer of its own and plays in real time, however late it comes.
 * Timings are asserted with a margin of several times what they measure.
 */
class ReplyLatencyTest extends AudioSocketTestSupport {

    private static final byte[] ANSWER = Frames.pattern(9, 16000); // 1 s

    private final int slowStartPort = FreePorts.next();
    private final int answeringPort = FreePorts.next();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("exchangePattern=InOut")).routeId("echo").convertBodyTo(byte[].class);
                // an echo whose first exchange takes 600 ms, as a route warming up does
                from("audiosocket:127.0.0.1:" + slowStartPort + "?exchangePattern=InOut").routeId("slowStart")
                        .filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("CALL_START")).delay(600).syncDelayed();
                // a bot: after 500 ms of thought, a 1 s answer to the caller's first 20 ms
                from("audiosocket:127.0.0.1:" + answeringPort + "?exchangePattern=InOut").routeId("bot")
                        .process(e -> {
                            boolean first = e.getMessage().getHeader(AudioSocketConstants.SEQUENCE, Long.class) == 2;
                            if (first) {
                                Thread.sleep(500);
                            }
                            e.getMessage().setBody(first ? ANSWER : null);
                        });
            }
        };
    }

    @Test
    void audioHeldUpOnTheWayInIsMadeUp() throws Exception {
        // the caller's first 600 ms arrive in one burst, 600 ms late; then it talks in real time
        byte[] late = Frames.pattern(1, 9600);
        byte[] onTime = Frames.pattern(2, 48000); // 3 s
        try (SimulatedCall caller = SimulatedCall.dial(port)) {
            Thread.sleep(600);
            caller.play(late, 8000, false);
            caller.play(onTime);
            Duration lastSent = caller.elapsed();
            byte[] echoed = caller.awaitAudio(Duration.ofMillis(3600), Duration.ofSeconds(10));
            assertArrayEquals(Frames.concat(late, onTime), echoed);
            assertEchoedSoonAfter(lastSent, caller.received());
        }
    }

    @Test
    void aRouteSlowToStartIsMadeUp() throws Exception {
        byte[] audio = Frames.pattern(3, 48000); // 3 s
        try (SimulatedCall caller = SimulatedCall.dial(slowStartPort)) {
            caller.play(audio);
            Duration lastSent = caller.elapsed();
            assertArrayEquals(audio, caller.awaitAudio(Duration.ofMillis(3000), Duration.ofSeconds(10)));
            assertEchoedSoonAfter(lastSent, caller.received());
        }
    }

    @Test
    void aLongerAnswerPlaysInRealTimeHoweverLateItComes() throws Exception {
        try (SimulatedCall caller = SimulatedCall.dial(answeringPort)) {
            caller.play(Frames.pattern(4, 32000)); // 2 s, so that the answer plays while the caller talks
            byte[] heard = caller.awaitAudio(Duration.ofSeconds(1), Duration.ofSeconds(10));
            assertArrayEquals(ANSWER, heard);
            List<ReceivedMessage> frames = caller.received();
            Duration span = frames.get(frames.size() - 1).at().minus(frames.get(0).at());
            // 50 frames 20 ms apart: 980 ms from the first to the last; hurried, it would be about half
            assertTrue(span.toMillis() >= 940, "the answer's 50 frames came within " + span.toMillis() + " ms");
        }
    }

    /**
     * The echo of the caller's last frame came within 300 ms of it: a few ms once the hold-up is made up, and 600 ms
     * or more if it stayed (the margin is a busy machine's).
     */
    private static void assertEchoedSoonAfter(Duration lastSent, List<ReceivedMessage> received) {
        Duration lastEchoed = received.get(received.size() - 1).at();
        long delay = lastEchoed.minus(lastSent).toMillis();
        assertTrue(delay < 300, "the last frame was echoed " + delay + " ms after it was sent");
    }
}
