package org.apache.camel.component.audiosocket;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.Capture;
import org.apache.camel.component.audiosocket.support.EventCollector;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays each genuine Asterisk capture into a consumer route over a real socket, paced as Asterisk sends it, and checks
 * what the route receives against the capture's own figures.
 */
class CaptureReplayTest extends CamelTestSupport {

    private final int port = FreePorts.next();
    private final int ulawPort = FreePorts.next();
    private final EventCollector collector = new EventCollector();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("audiosocket:127.0.0.1:" + port).process(collector);
                // calls dialled with c(ulaw) still say 0x10: only the endpoint's codec option tells
                from("audiosocket:127.0.0.1:" + ulawPort + "?codec=ulaw").process(collector);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "app-slin8-dtmf-12star-hash", "app-slin8-server-hangup-0x00", "chan-slin16-dtmf-12star-hash",
            "chan-slin24", "chan-slin48-dtmf-5", "chan-ulaw-as-kind10" })
    void captureArrivesExactlyAsAsteriskSentIt(String name) throws Exception {
        Capture capture = Capture.load(name);
        boolean ulaw = "ulaw".equals(capture.codec());
        try (SimulatedCall asterisk = SimulatedCall.connect(ulaw ? ulawPort : port)) {
            asterisk.replay(capture.bytes(), true);
        }
        Event hangup = collector.awaitHangup(capture.uuid(), 10, TimeUnit.SECONDS);
        List<Event> events = collector.events(capture.uuid());

        // CALL_START first, HANGUP last and exactly once, sequence numbers 1..n with no gap
        assertEquals("CALL_START", events.get(0).type());
        assertEquals(hangup, events.get(events.size() - 1));
        assertEquals(1, events.stream().filter(e -> e.type().equals("HANGUP")).count());
        assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
        for (int i = 0; i < events.size(); i++) {
            assertEquals((long) i + 1, events.get(i).header(AudioSocketConstants.SEQUENCE));
        }

        // one AUDIO exchange per 20 ms frame, byte-exact, at the capture's rate
        List<Event> audio = collector.ofType(capture.uuid(), "AUDIO");
        assertEquals(capture.audioMessages(), audio.size());
        assertArrayEquals(capture.audio(), collector.audio(capture.uuid()));
        int rate = AudioSocketKind.fromCode(capture.audioKind()).sampleRate();
        assertTrue(audio.stream().allMatch(e -> Integer.valueOf(rate).equals(e.header(AudioSocketConstants.SAMPLE_RATE))));
        String codec = ulaw ? "ULAW" : "SLIN";
        assertTrue(audio.stream().allMatch(e -> codec.equals(e.header(AudioSocketConstants.CODEC))));
        // the audio is 20 ms per frame in its codec, so the capture's duration comes out right
        int bytesPerSecond = rate * (ulaw ? 1 : 2);
        assertEquals(capture.audioSeconds(), (double) collector.audio(capture.uuid()).length / bytesPerSecond, 1e-9);

        // DTMF digits in order, each after exactly the audio Asterisk sent before it
        StringBuilder digits = new StringBuilder();
        List<Integer> offsets = capture.dtmfOffsets();
        int audioBefore = 0;
        int digitIndex = 0;
        for (Event e : events) {
            if (e.type().equals("AUDIO")) {
                audioBefore++;
            } else if (e.type().equals("DTMF")) {
                digits.append(e.header(AudioSocketConstants.DTMF_DIGIT));
                int offset = offsets.get(digitIndex++);
                long expectedBefore = capture.messages().stream()
                        .filter(m -> m.kind() >= 0x10 && m.offset() < offset).count();
                assertEquals(expectedBefore, audioBefore, "audio frames before DTMF " + e.header(AudioSocketConstants.DTMF_DIGIT));
            }
        }
        assertEquals(capture.dtmf(), digits.toString());
        assertEquals(2 + capture.audioMessages() + capture.dtmf().length(), events.size());
    }
}
