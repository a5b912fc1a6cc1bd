package org.apache.camel.component.audiosocket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes never run on a Netty event loop (which serves hundreds of calls), even when far more calls wait for the pool
 * than a default Camel thread pool queues (1,000) before it starts running tasks on the caller's thread.
 */
class RouteThreadsTest extends AudioSocketTestSupport {

    private static final int CALLS = 1200;
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("poolSize=1&events=CALL_START")).routeId("calls")
                        .process(events)
                        .process(e -> release.await(60, TimeUnit.SECONDS));
            }
        };
    }

    @Test
    void routesRunOnThePoolEvenWithManyCallsWaiting() throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                calls.add(SimulatedCall.connect(port).sendUuid(UUID.randomUUID()));
            }
            // the only pool thread is stuck in the first call: every other CALL_START waits in the pool's queue
            events.awaitCount(1, 10, TimeUnit.SECONDS);
            awaitTrue("all calls to start", 20, TimeUnit.SECONDS, () -> server("calls").activeCalls() == CALLS);
            release.countDown();
            events.awaitCount(CALLS, 60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            for (SimulatedCall call : calls) {
                call.close();
            }
        }
        assertEquals(CALLS, events.events().size());
        assertTrue(events.events().stream().allMatch(e -> e.thread().contains("AudioSocket")),
                "a route ran on another thread: " + events.events().stream().map(e -> e.thread()).distinct().toList());
    }
}
