package org.apache.camel.component.audiosocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.LogCapture;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A caller who hangs up while audio is being played into the call: Asterisk closes with a FIN, the server may write
 * into the closed connection before it has read that FIN, draw a reset, and have its next write fail. Whatever the
 * order in which the server learns of it, the call ended because the caller hung up (REMOTE_CLOSED), and a call that
 * has ended does not warn that its peer is not reading.
 */
class HangupRaceTest extends AudioSocketTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an echo on the event loops: a late reply goes out with the read that brought it, two frames at once
                from(audiosocket("usingExecutorService=false&exchangePattern=InOut")).routeId("echo").process(events);
            }
        };
    }

    @Test
    void aCallerWhoHangsUpDuringAnEchoHasHungUp() throws Exception {
        List<String> reasons = new ArrayList<>();
        try (LogCapture log = LogCapture.capture()) {
            for (int call = 0; call < 10; call++) {
                SimulatedCall caller = SimulatedCall.dial(port);
                caller.play(Frames.pattern(call, 8000)); // 500 ms: the echo is under way
                Thread.sleep(150); // held up (but not a pause of 200 ms): the echo of what follows is late
                caller.play(Frames.pattern(call + 100, 3200), 8000, false); // ... and comes in a burst
                caller.close(); // the caller hangs up at once: a FIN, with echo frames still to come
                reasons.add((String) events.awaitHangup(caller.uuid().toString(), 5, TimeUnit.SECONDS)
                        .header(AudioSocketConstants.HANGUP_REASON));
            }
            awaitTrue("every call to be released", 5, TimeUnit.SECONDS, () -> server("echo").openConnections() == 0);
            assertEquals(List.of("REMOTE_CLOSED"), reasons.stream().distinct().toList(), reasons.toString());
            assertEquals(List.of(), log.lines().stream().filter(l -> l.contains("not reading")).toList());
        }
    }
}
