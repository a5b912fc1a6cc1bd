package org.apache.camel.component.audiosocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Capture;
import org.apache.camel.component.audiosocket.support.EventCollector;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * chunkDuration groups audio into chunks that count audio, cut only by DTMF and the end of the call, nothing lost;
 * the events option leaves out the event types a route does not want.
 */
class ChunkingAndFilteringTest extends AudioSocketTestSupport {

    private final int filteredPort = FreePorts.next();
    private final EventCollector filtered = new EventCollector();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("chunkDuration=100")).process(events);
                from("audiosocket:127.0.0.1:" + filteredPort + "?events=audio,HANGUP").process(filtered);
            }
        };
    }

    @Test
    void chunksCountAudioAndAreCutOnlyByDtmfAndHangup() throws Exception {
        Capture capture = Capture.load("app-slin8-dtmf-12star-hash");
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.replay(capture.bytes(), false);
        }
        events.awaitHangup(capture.uuid(), 5, TimeUnit.SECONDS);

        // what the chunks must be: 1600 bytes (100 ms at 8 kHz), flushed early at each digit and at the end
        List<String> expected = new ArrayList<>();
        int filled = 0;
        for (Capture.Message m : capture.messages()) {
            if (m.kind() == 0x10) {
                filled += m.length();
                if (filled == 1600) {
                    expected.add("AUDIO:1600");
                    filled = 0;
                }
            } else if (m.kind() == 0x03) {
                if (filled > 0) {
                    expected.add("AUDIO:" + filled);
                    filled = 0;
                }
                expected.add("DTMF");
            }
        }
        if (filled > 0) {
            expected.add("AUDIO:" + filled);
        }
        List<String> actual = new ArrayList<>();
        for (Event e : events.events(capture.uuid())) {
            if (e.type().equals("AUDIO")) {
                actual.add("AUDIO:" + e.bytes().length);
            } else if (e.type().equals("DTMF")) {
                actual.add("DTMF");
            }
        }
        assertEquals(expected, actual);
        assertArrayEquals(capture.audio(), events.audio(capture.uuid()));
    }

    @Test
    void eventsOptionSelectsTheExchanges() throws Exception {
        Capture capture = Capture.load("chan-slin48-dtmf-5");
        try (SimulatedCall asterisk = SimulatedCall.connect(filteredPort)) {
            asterisk.replay(capture.bytes(), false);
        }
        filtered.awaitHangup(capture.uuid(), 5, TimeUnit.SECONDS);
        List<Event> all = filtered.events(capture.uuid());
        assertEquals(capture.audioMessages() + 1, all.size());
        assertEquals(List.of("AUDIO", "HANGUP"), all.stream().map(Event::type).distinct().toList());
        // events left out still take their number: CALL_START was 1, the DTMF took one between the audio
        assertEquals(2L, all.get(0).header(AudioSocketConstants.SEQUENCE));
        assertEquals((long) capture.messageCount() + 1, all.get(all.size() - 1).header(AudioSocketConstants.SEQUENCE));
        assertArrayEquals(capture.audio(), filtered.audio(capture.uuid()));
    }
}
