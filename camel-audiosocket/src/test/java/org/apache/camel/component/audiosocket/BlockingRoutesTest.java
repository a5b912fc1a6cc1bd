package org.apache.camel.component.audiosocket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.session.RoutePool;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The default pool has one thread per core, yet more calls than that may block in their routes at once: for each thread
 * held by a route it has one more (up to poolSize), so that the other calls' events do not wait for it.
 */
class BlockingRoutesTest extends AudioSocketTestSupport {

    private static final int POOL_SIZE = 8;
    /** More calls than the pool has threads while none blocks, and no more than it may grow to. */
    private static final int CALLS = Math.min(POOL_SIZE, RoutePool.baseThreadsFor(POOL_SIZE) + 2);

    private final CountDownLatch allInTheRoute = new CountDownLatch(CALLS);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("poolSize=" + POOL_SIZE + "&events=CALL_START,HANGUP"))
                        .process(e -> {
                            if ("CALL_START".equals(e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE))) {
                                // blocks until every call's route is in here at the same time: on a pool that kept
                                // only its one thread per core, that never happens
                                allInTheRoute.countDown();
                                e.getMessage().setHeader("together", allInTheRoute.await(20, TimeUnit.SECONDS));
                            }
                        })
                        .process(events);
            }
        };
    }

    @Test
    void callsBlockedInTheirRoutesAtOnceEachGetAThread() throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                UUID uuid = UUID.randomUUID();
                uuids.add(uuid.toString());
                calls.add(SimulatedCall.connect(port).sendUuid(uuid));
            }
            events.awaitCount(CALLS, 30, TimeUnit.SECONDS);
        } finally {
            for (SimulatedCall call : calls) {
                call.close();
            }
        }
        for (String uuid : uuids) {
            events.awaitHangup(uuid, 10, TimeUnit.SECONDS);
            List<Event> started = events.ofType(uuid, "CALL_START");
            assertEquals(1, started.size());
            assertEquals(Boolean.TRUE, started.get(0).header("together"),
                    "the routes of " + CALLS + " calls never blocked at the same time");
        }
    }
}
