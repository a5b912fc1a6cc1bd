package org.apache.camel.component.audiosocket;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pool of the user's own that refuses work does not lose a call's events; stopping the consumer delivers every
 * call's HANGUP even when the event loop is busy with other work between closing a socket and reporting it.
 */
class PoolAndShutdownTest extends AudioSocketTestSupport {

    private final int ownPoolPort = AvailablePortFinder.getNextAvailable();
    private final CountDownLatch release = new CountDownLatch(1);

    /** One thread and no queue: every task offered while it is busy is rejected. */
    @BindToRegistry("tinyPool")
    private final ThreadPoolExecutor tinyPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(), new ThreadPoolExecutor.AbortPolicy());

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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
