package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server's counts of audio received and sent (its metrics) take in every frame of every call, whichever event loop
 * serves the call, exactly.
 */
class TrafficCountsTest extends AudioSocketTestSupport {

    private static final int CALLS = 4;
    private static final int FRAMES = 10;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // two event loops, whatever the machine; every 20 ms of audio echoed back
                from(audiosocket("workerCount=2&exchangePattern=InOut&events=AUDIO&keepAliveInterval=0"))
                        .routeId("calls").process(events);
            }
        };
    }

    @Test
    void countsAddUpOverTheEventLoops() throws Exception {
        AudioSocketServer server = server("calls");
        List<SimulatedCall> calls = new ArrayList<>();
        Set<EventLoop> loops = new HashSet<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                UUID uuid = UUID.randomUUID();
                calls.add(SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial());
                awaitTrue("the call to start", 5, TimeUnit.SECONDS, () -> server.findCall(uuid) != null);
                loops.add(server.findCall(uuid).channel().eventLoop());
            }
            assertEquals(2, loops.size(), "the calls are on both event loops");
            for (int i = 0; i < CALLS; i++) {
                calls.get(i).play(Frames.pattern(i + 1, FRAMES * 320), 8000, false);
            }
            for (int i = 0; i < CALLS; i++) {
                assertArrayEquals(Frames.pattern(i + 1, FRAMES * 320),
                        calls.get(i).awaitAudio(Duration.ofMillis(FRAMES * 20), Duration.ofSeconds(10)),
                        "the echo of call " + i);
            }
        } finally {
            for (SimulatedCall call : calls) {
                call.close();
            }
        }
        assertEquals(CALLS * FRAMES, server.framesReceived());
        assertEquals(CALLS * FRAMES * 320, server.bytesReceived());
        assertEquals(CALLS * FRAMES, server.framesSent());
        assertEquals(CALLS * FRAMES * 320, server.bytesSent());
    }
}
