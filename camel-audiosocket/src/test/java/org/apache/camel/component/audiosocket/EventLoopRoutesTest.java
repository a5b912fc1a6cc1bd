package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.netty.util.concurrent.FastThreadLocalThread;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With usingExecutorService=false each call's exchanges run on the event loop that reads the call: in order, the
 * replies played back exactly, and a route that goes asynchronous still holds the call's next event back until it is
 * done.
 */
class EventLoopRoutesTest extends AudioSocketTestSupport {

    private static final int CALLS = 4;

    private final int asyncPort = FreePorts.next();
    private final EventCollector asyncEvents = new EventCollector();
    private final EventCollector asyncDone = new EventCollector();
    private final AtomicInteger inRoute = new AtomicInteger();
    private final AtomicInteger mostInRoute = new AtomicInteger();
    private final Set<String> plainThreads = ConcurrentHashMap.newKeySet();

    @BindToRegistry("ownPool")
    private final ExecutorService ownPool = Executors.newSingleThreadExecutor();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an echo: an AUDIO exchange's body is played back, nothing else is
                from(audiosocket("usingExecutorService=false&exchangePattern=InOut")).routeId("calls")
                        .process(events)
                        .process(e -> {
                            if (!(Thread.currentThread() instanceof FastThreadLocalThread)) {
                                plainThreads.add(Thread.currentThread().getName());
                            }
                        })
                        .filter(header(AudioSocketConstants.EVENT_TYPE).isNotEqualTo("AUDIO")).setBody(constant(null));
                // every exchange is finished by another thread after the event loop has moved on: the even ones 40 ms
                // later, the odd ones 1 ms later, so that an event let in before the previous one finished would
                // finish first
                from("audiosocket:127.0.0.1:" + asyncPort + "?usingExecutorService=false").routeId("async")
                        .process(e -> mostInRoute.accumulateAndGet(inRoute.incrementAndGet(), Math::max))
                        .process(asyncEvents)
                        .delay(new ExpressionAdapter() {
                            @Override
                            public Object evaluate(Exchange exchange) {
                                long sequence = exchange.getMessage().getHeader(AudioSocketConstants.SEQUENCE, Long.class);
                                return sequence % 2 == 0 ? 40L : 1L;
                            }
                        }).asyncDelayed()
                        .process(e -> inRoute.decrementAndGet())
                        .process(asyncDone);
            }
        };
    }

    @AfterEach
    void stopPool() {
        ownPool.shutdownNow();
    }

    @Test
    void eachCallsRoutesRunOnItsEventLoopAndTheRepliesArePlayedExactly() throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        List<UUID> uuids = new ArrayList<>();
        List<byte[]> spoken = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                byte[] tone = SimulatedCall.tone(300 + 100 * i, 8000, Duration.ofMillis(600));
                spoken.add(tone);
                uuids.add(UUID.randomUUID());
                calls.add(SimulatedCall.connect(port).sendUuid(uuids.get(i)).play(tone));
            }
            for (int i = 0; i < CALLS; i++) {
                assertArrayEquals(spoken.get(i), calls.get(i).awaitAudio(Duration.ofMillis(600), Duration.ofSeconds(5)),
                        "the echo of call " + i);
            }
        } finally {
            for (SimulatedCall call : calls) {
                call.close();
            }
        }
        Set<String> loops = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < CALLS; i++) {
            String uuid = uuids.get(i).toString();
            events.awaitHangup(uuid, 5, TimeUnit.SECONDS);
            List<EventCollector.Event> seen = events.events(uuid);
            assertConsecutive(seen);
            assertArrayEquals(spoken.get(i), events.audio(uuid), "what the route got from call " + i);
            Set<String> threads = seen.stream().map(EventCollector.Event::thread).collect(Collectors.toSet());
            assertEquals(1, threads.size(), "one call, one event loop: " + threads);
            loops.addAll(threads);
            assertTrue(threads.iterator().next().contains("AudioSocket 127.0.0.1:" + port + " event loop"),
                    "not one of the server's event loops: " + threads);
        }
        // one event loop per core by default (Netty's default is two), calls spread over them in turn
        assertEquals(Math.min(CALLS, Runtime.getRuntime().availableProcessors()), loops.size(), "event loops: " + loops);
        // Netty keeps its per-thread buffer caches and recycled objects only on its own kind of thread
        assertTrue(plainThreads.isEmpty(), "event loops that are plain threads: " + plainThreads);
    }

    @Test
    void anAsynchronousRouteHoldsTheCallsNextEventBackUntilItIsDone() throws Exception {
        byte[] tone = SimulatedCall.tone(440, 8000, Duration.ofMillis(400));
        String uuid = UUID.randomUUID().toString();
        try (SimulatedCall call = SimulatedCall.connect(asyncPort)) {
            call.sendUuid(UUID.fromString(uuid)).play(tone).sendDtmf("7");
            // the events arrive at once; the route takes them one after the other, about 20 ms each on average
            asyncDone.await(e -> uuid.equals(e.uuid()) && "DTMF".equals(e.type()), 5, TimeUnit.SECONDS);
        }
        asyncDone.awaitHangup(uuid, 5, TimeUnit.SECONDS);
        assertEquals(1, mostInRoute.get(), "an event entered the route before the previous one had finished");
        for (EventCollector collector : List.of(asyncEvents, asyncDone)) {
            List<String> types = collector.events(uuid).stream().map(EventCollector.Event::type).distinct().toList();
            assertEquals(List.of("CALL_START", "AUDIO", "DTMF", "HANGUP"), types);
            assertConsecutive(collector.events(uuid));
            assertArrayEquals(tone, collector.audio(uuid));
        }
    }

    private static void assertConsecutive(List<EventCollector.Event> seen) {
        List<Long> sequence = seen.stream().map(e -> (Long) e.header(AudioSocketConstants.SEQUENCE)).toList();
        for (int i = 1; i < sequence.size(); i++) {
            assertEquals(sequence.get(i - 1) + 1, sequence.get(i), "events out of order: " + sequence);
        }
    }

    @Test
    void aPoolOfOnesOwnCannotBeCombinedWithTheEventLoops() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("audiosocket:127.0.0.1:" + FreePorts.next()
                     + "?usingExecutorService=false&executorService=#ownPool").to("log:never");
            }
        }));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalArgumentException && cause.getMessage().contains("usingExecutorService=false"),
                "unexpected: " + cause);
    }
}
