package org.apache.camel.component.audiosocket;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallRegistry.RefusalReason;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits that protect a production server: maximum concurrent calls, allowed client addresses, the idle timeout,
 * ending a call whose route fails, and a bound on what a peer that stops reading can make the server hold.
 */
class LimitsTest extends AudioSocketTestSupport {

    private final int refusingPort = FreePorts.next();
    private final int allowingPort = FreePorts.next();
    private final int idlePort = FreePorts.next();
    private final int failingPort = FreePorts.next();
    private final int crowdedPort = FreePorts.next();
    private final String failingCall = UUID.randomUUID().toString();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("maxConcurrentCalls=3")).routeId("limited").process(events);
                from("audiosocket:127.0.0.1:" + refusingPort + "?allowedClients=10.0.0.0/8,fd00::/8").routeId("refusing")
                        .process(events);
                from("audiosocket:127.0.0.1:" + allowingPort + "?allowedClients=10.0.0.0/8, 127.0.0.0/8")
                        .routeId("allowing").process(events);
                from("audiosocket:127.0.0.1:" + idlePort + "?idleTimeout=300").process(events);
                from("audiosocket:127.0.0.1:" + failingPort + "?hangupOnRouteError=true").process(events)
                        .filter(e -> failingCall.equals(e.getMessage().getHeader(AudioSocketConstants.UUID))
                                     && "AUDIO".equals(e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE)))
                            .throwException(new IllegalStateException("this call's route fails"));
                from("direct:play").to(audiosocket(""));
                from("audiosocket:127.0.0.1:" + crowdedPort + "?maxConcurrentCalls=4&workerCount=4").routeId("crowded")
                        .process(events);
            }
        };
    }

    @Test
    void callsOverTheLimitAreRefusedAtOnce() throws Exception {
        AudioSocketServer server = server("limited");
        try (SimulatedCall a = SimulatedCall.dial(port); SimulatedCall b = SimulatedCall.dial(port);
             SimulatedCall c = SimulatedCall.dial(port)) {
            awaitTrue("three calls up", 5, TimeUnit.SECONDS, () -> server.activeCalls() == 3);
            try (SimulatedCall fourth = SimulatedCall.dial(port)) {
                assertTrue(fourth.awaitClosed(Duration.ofSeconds(2)), "the fourth connection is closed at once");
            }
            assertEquals(1, server.refusedConnections(RefusalReason.CALL_LIMIT));
            a.hangup();
            awaitTrue("a place to free up", 5, TimeUnit.SECONDS, () -> server.openConnections() == 2);
            try (SimulatedCall again = SimulatedCall.dial(port)) {
                awaitTrue("the new call to start", 5, TimeUnit.SECONDS, () -> server.activeCalls() == 3);
            }
        }
        awaitTrue("four CALL_STARTs", 5, TimeUnit.SECONDS,
                () -> events.events().stream().filter(e -> "CALL_START".equals(e.type())).count() == 4);
        assertEquals(4, server.callsTotal(), "the refused connection made no call");
    }

    @Test
    void theCallLimitHoldsExactlyWhenManyConnectAtOnce() throws Exception {
        // accepted connections are set up on four event loops in parallel: each must count the others
        AudioSocketServer server = server("crowded");
        ExecutorService dialling = Executors.newFixedThreadPool(32);
        try {
            for (int round = 1; round <= 20; round++) {
                CyclicBarrier together = new CyclicBarrier(32);
                List<Future<Socket>> sockets = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    sockets.add(dialling.submit(() -> {
                        together.await();
                        return new Socket("127.0.0.1", crowdedPort);
                    }));
                }
                long refusedBefore = server.refusedConnections(RefusalReason.CALL_LIMIT);
                try {
                    awaitTrue("every connection to be accepted or refused", 10, TimeUnit.SECONDS,
                            () -> server.openConnections() + server.refusedConnections(RefusalReason.CALL_LIMIT)
                                  - refusedBefore == 32);
                    assertEquals(4, server.openConnections(), "connections kept open in round " + round);
                } finally {
                    for (Future<Socket> socket : sockets) {
                        socket.get(10, TimeUnit.SECONDS).close();
                    }
                }
                awaitTrue("the connections to be released", 10, TimeUnit.SECONDS, () -> server.openConnections() == 0);
            }
        } finally {
            dialling.shutdownNow();
        }
    }

    @Test
    void clientsOutsideTheAllowlistAreRefused() throws Exception {
        try (SimulatedCall outsider = SimulatedCall.dial(refusingPort)) {
            assertTrue(outsider.awaitClosed(Duration.ofSeconds(2)));
        }
        assertEquals(1, server("refusing").refusedConnections(RefusalReason.NOT_ALLOWED));
        assertEquals(0, server("refusing").callsTotal());
        try (SimulatedCall insider = SimulatedCall.dial(allowingPort)) {
            awaitTrue("the allowed call to start", 5, TimeUnit.SECONDS, () -> server("allowing").activeCalls() == 1);
        }
        assertEquals(0, server("allowing").refusedConnections(RefusalReason.NOT_ALLOWED));
    }

    @Test
    void idleTimeoutHangsUpOnAPeerThatSendsNothing() throws Exception {
        try (SimulatedCall silent = SimulatedCall.dial(idlePort); SimulatedCall talking = SimulatedCall.dial(idlePort)) {
            long start = System.nanoTime();
            talking.playSilence(Duration.ofMillis(800)); // audio keeps arriving: never idle
            assertTrue(silent.awaitHangup(Duration.ofSeconds(1)), "the silent call was hung up");
            assertTrue(silent.serverSentHangup(), "with a hangup message, so Asterisk's dialplan goes on");
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
            assertEquals("IDLE_TIMEOUT", events.awaitHangup(silent.uuid().toString(), 5, TimeUnit.SECONDS)
                    .header(AudioSocketConstants.HANGUP_REASON));
            assertTrue(!talking.isClosedByServer(), "the talking call is still up");
        }
    }

    @Test
    void aFailingRouteEndsOnlyItsCallWhenAskedTo() throws Exception {
        try (SimulatedCall failing = SimulatedCall.to("127.0.0.1", failingPort).uuid(UUID.fromString(failingCall)).dial();
             SimulatedCall fine = SimulatedCall.dial(failingPort)) {
            failing.sendAudio(0x10, new byte[320]);
            assertTrue(failing.awaitHangup(Duration.ofSeconds(5)));
            fine.play(new byte[3200]);
            fine.hangup();
            Event hangup = events.awaitHangup(fine.uuid().toString(), 5, TimeUnit.SECONDS);
            assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
            assertEquals(10, events.ofType(fine.uuid().toString(), "AUDIO").size());
        }
        assertEquals("ROUTE_ERROR", events.awaitHangup(failingCall, 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void aPeerThatStopsReadingCannotGrowTheServersMemory() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (Socket deaf = new Socket()) {
            deaf.setReceiveBufferSize(4096);
            deaf.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = deaf.getOutputStream();
            out.write(Frames.uuid(uuid)); // and then never reads
            awaitTrue("the call to start", 5, TimeUnit.SECONDS, () -> server("limited").findCall(uuid) != null);
            CallSession call = server("limited").findCall(uuid);
            Channel channel = call.channel();
            // 16 s at 192 kHz: 6 MB, more than the kernel's socket buffers hold (the send buffer grows to 4 MB)
            for (int i = 0; i < 6; i++) {
                template.sendBodyAndHeaders("direct:play", new byte[1_024_000], Map.of(AudioSocketConstants.UUID,
                        uuid.toString(), AudioSocketConstants.SAMPLE_RATE, 192000));
            }
            awaitTrue("frames to be dropped", 40, TimeUnit.SECONDS,
                    () -> server("limited").playbackFramesDropped() > 10);
            long pending = channel.unsafe().outboundBuffer().totalPendingWriteBytes();
            long highWater = channel.config().getWriteBufferHighWaterMark();
            assertTrue(pending <= highWater + 2 * (3 + 7680), pending + " bytes held for a peer that does not read");
        }
    }
}
