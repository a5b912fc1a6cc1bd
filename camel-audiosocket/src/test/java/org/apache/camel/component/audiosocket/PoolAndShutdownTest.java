package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool of the user's own that refuses work does not lose a call's events; stopping the consumer delivers every
 * call's HANGUP even when the event loop is busy with other work between closing a socket and reporting it.
 */
class PoolAndShutdownTest extends AudioSocketTestSupport {

    private final int ownPoolPort = FreePorts.next();
    private final CountDownLatch release = new CountDownLatch(1);
    private final int stoppingPort = FreePorts.next();
    private final CountDownLatch inRoute = new CountDownLatch(1);
    private final CountDownLatch routeReleased = new CountDownLatch(1);

    private final AtomicInteger rejections = new AtomicInteger();

    /** One thread and no queue: every task offered while it is busy is rejected (and counted). */
    @BindToRegistry("tinyPool")
    private final ThreadPoolExecutor tinyPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), (task, pool) -> {
                rejections.incrementAndGet();
                throw new RejectedExecutionException("busy");
            });

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("")).routeId("calls").process(events);
                from("audiosocket:127.0.0.1:" + ownPoolPort + "?executorService=#tinyPool").process(events)
                        .process(e -> {
                            if ("CALL_START".equals(e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE))) {
                                release.await(5, TimeUnit.SECONDS);
                            }
                        });
                // a route still busy with a call's audio when the stop's shutdownTimeout is over
                from("audiosocket:127.0.0.1:" + stoppingPort + "?maxPendingExchanges=4&shutdownTimeout=300")
                        .routeId("busy").process(events)
                        .filter(e -> (Long) e.getMessage().getHeader(AudioSocketConstants.SEQUENCE) == 2)
                            .process(e -> {
                                inRoute.countDown();
                                routeReleased.await(20, TimeUnit.SECONDS);
                            });
            }
        };
    }

    @AfterEach
    void stopPool() {
        tinyPool.shutdownNow();
    }

    @Test
    void rejectedEventsAreOfferedAgain() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (SimulatedCall a = SimulatedCall.connect(ownPoolPort); SimulatedCall b = SimulatedCall.connect(ownPoolPort)) {
            a.sendUuid(first);
            events.await(e -> first.toString().equals(e.uuid()), 5, TimeUnit.SECONDS);
            // the only thread is busy with the first call: the second call's events are refused for now
            b.sendUuid(second).sendAudio(0x10, Frames.pattern(1, 320));
            a.sendAudio(0x10, Frames.pattern(2, 320));
            awaitTrue("the second call's events to be refused", 5, TimeUnit.SECONDS, () -> rejections.get() > 0);
            release.countDown();
        }
        events.awaitHangup(first.toString(), 5, TimeUnit.SECONDS);
        events.awaitHangup(second.toString(), 5, TimeUnit.SECONDS);
        for (UUID uuid : new UUID[] { first, second }) {
            assertEquals(java.util.List.of("CALL_START", "AUDIO", "HANGUP"),
                    events.events(uuid.toString()).stream().map(e -> e.type()).toList());
        }
    }

    @Test
    void stopDeliversHangupEvenWhenTheEventLoopIsBusy() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (SimulatedCall asterisk = SimulatedCall.connect(port)) {
            asterisk.sendUuid(uuid).sendAudio(0x10, Frames.pattern(3, 320));
            events.await(e -> "AUDIO".equals(e.type()), 5, TimeUnit.SECONDS);
            Channel channel = server("calls").findCall(uuid).channel();
            // other calls' work lands on the loop between the socket closing and its channelInactive
            channel.closeFuture().addListener(f -> channel.eventLoop().execute(() -> sleep(300)));
            context.getRouteController().stopRoute("calls");
        }
        assertEquals("SHUTDOWN", events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void aStopWhileARouteIsBusyLosesNoEventsOnceTheEventLoopsHaveEnded() throws Exception {
        UUID uuid = UUID.randomUUID();
        AudioSocketServer server = server("busy");
        List<String> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(thread.getName() + ": " + e));
        try (SimulatedCall asterisk = SimulatedCall.connect(stoppingPort)) {
            asterisk.sendUuid(uuid);
            for (int i = 0; i < 20; i++) {
                asterisk.sendAudio(0x10, Frames.pattern(i, 320));
            }
            assertTrue(inRoute.await(5, TimeUnit.SECONDS));
            awaitTrue("reading to be paused", 5, TimeUnit.SECONDS,
                    () -> server("busy").findCall(uuid) != null && server("busy").findCall(uuid).isReadPaused());
            EventLoop loop = server("busy").findCall(uuid).channel().eventLoop();
            // the stop ends the call, waits shutdownTimeout for its last events, and ends the event loops
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    context.getRouteController().stopRoute("busy");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertTrue(asterisk.awaitClosed(Duration.ofSeconds(10)), "the stop ended the call");
            awaitTrue("the event loops to end", 10, TimeUnit.SECONDS, loop::isTerminated);
            routeReleased.countDown();
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals("SHUTDOWN", events.awaitHangup(uuid.toString(), 10, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
        List<String> types = events.events(uuid.toString()).stream().map(e -> e.type()).toList();
        assertEquals("CALL_START", types.get(0));
        assertEquals("HANGUP", types.get(types.size() - 1));
        assertEquals(server.bytesReceived(), events.audio(uuid.toString()).length,
                "every byte of audio the server received reached the route");
        assertEquals(List.of(), uncaught, "threads killed by an exception");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
