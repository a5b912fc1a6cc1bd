package org.apache.camel.component.audiosocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.Pacing;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 connections that never send their UUID, or trickle it one byte a second, arrive while 50 real calls are
 * talking and listening: the UUID timeout closes every one of them, and the real calls lose no frame either way and
 * keep real-time pacing (asserted loosely, per call; the figures are printed).
 */
class HostileClientsTest extends AudioSocketTestSupport {

    private static final int CALLS = 50;
    private static final int HOSTILE = 1000;
    private static final int FRAMES = 250; // 5 s each way
    private static final long FRAME_NANOS = 20_000_000L;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("uuidTimeout=1000")).routeId("calls").process(events);
                from("direct:play").to(audiosocket(""));
            }
        };
    }

    @Test
    void hostileConnectionsAreClosedWhileRealCallsKeepTheirPace() throws Exception {
        AudioSocketServer server = server("calls");
        List<SimulatedCall> calls = new ArrayList<>();
        List<Hostile> hostile = new CopyOnWriteArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < CALLS; i++) {
                calls.add(SimulatedCall.dial(port));
            }
            awaitTrue("the real calls to start", 10, TimeUnit.SECONDS, () -> server.activeCalls() == CALLS);

            // each real call is played a prompt (paced by the server) and talks (paced as Asterisk does, from one
            // thread for all: 50 threads of their own would cost the test more CPU than the server uses)
            for (int i = 0; i < CALLS; i++) {
                template.sendBodyAndHeader("direct:play", prompt(i), AudioSocketConstants.UUID, calls.get(i).uuid().toString());
            }
            CompletableFuture<Void> talking = CompletableFuture.runAsync(() -> talk(calls));

            // meanwhile the hostile connections, in waves over two seconds: half silent, half trickling a UUID
            // message one byte a second
            trickler.scheduleAtFixedRate(() -> hostile.forEach(Hostile::trickle), 1, 1, TimeUnit.SECONDS);
            for (int wave = 0; wave < 10; wave++) {
                for (int i = 0; i < HOSTILE / 10; i++) {
                    hostile.add(new Hostile(port, i % 2 == 1));
                }
                Thread.sleep(200);
            }

            talking.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < CALLS; i++) {
                SimulatedCall call = calls.get(i);
                List<ReceivedMessage> frames = call.awaitReceived(FRAMES, Duration.ofSeconds(10));
                assertEquals(FRAMES, frames.size(), "frames played into call " + i);
                assertArrayEquals(prompt(i), call.receivedAudio(), "the prompt of call " + i);
                Pacing pacing = Pacing.of(frames, FRAME_NANOS);
                if (i % 10 == 0) {
                    System.out.printf("HostileClientsTest: call %d: %s%n", i, pacing);
                }
                // no drift and no burst: the span is real time and nearly every frame sits near its slot (the test
                // JVM runs the clients besides the server on two cores: a few frames may wait for a CPU)
                assertTrue(Math.abs(pacing.spanNanos() - pacing.idealSpanNanos()) < TimeUnit.MILLISECONDS.toNanos(200),
                        "call " + i + ": " + pacing);
                assertTrue(Math.abs(pacing.lastDeviationNanos()) < TimeUnit.MILLISECONDS.toNanos(50), "call " + i + ": " + pacing);
                assertTrue(pacing.p95AbsDeviationNanos() < TimeUnit.MILLISECONDS.toNanos(100), "call " + i + ": " + pacing);
                assertTrue(pacing.maxAbsDeviationNanos() < TimeUnit.MILLISECONDS.toNanos(500), "call " + i + ": " + pacing);
                call.hangup();
            }
            for (int i = 0; i < CALLS; i++) {
                String uuid = calls.get(i).uuid().toString();
                events.awaitHangup(uuid, 10, TimeUnit.SECONDS);
                assertArrayEquals(speech(i), events.audio(uuid), "what call " + i + " said reached the route");
            }

            awaitTrue("every hostile connection to be closed by the server", 10, TimeUnit.SECONDS,
                    () -> hostile.stream().allMatch(Hostile::closedByTheServer));
            assertEquals(HOSTILE, server.protocolErrors(AudioSocketProtocolError.UUID_TIMEOUT));
            assertEquals(HOSTILE, server.protocolErrors(), "no other protocol error");
            assertEquals(CALLS, server.callsTotal(), "the hostile connections made no call");
            assertEquals(0, server.playbackFramesDropped());
            assertEquals(0, server.internalErrors());
            awaitTrue("every connection released", 10, TimeUnit.SECONDS, () -> server.openConnections() == 0);
        } finally {
            trickler.shutdownNow();
            for (SimulatedCall call : calls) {
                call.close();
            }
            for (Hostile connection : hostile) {
                connection.socket.close();
            }
        }
    }

    /** A connection that never becomes a call: silent, or sending a UUID message one byte at a time. */
    private static final class Hostile {
        private final Socket socket = new Socket();
        private final byte[] uuidMessage = Frames.uuid(UUID.randomUUID());
        private final boolean trickles;
        private int sent;

        Hostile(int port, boolean trickles) throws IOException {
            this.trickles = trickles;
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        }

        /** Sends the next byte, if this one trickles and the server has not closed it. */
        synchronized void trickle() {
            if (trickles && sent < uuidMessage.length && !socket.isClosed()) {
                try {
                    socket.getOutputStream().write(uuidMessage[sent++]);
                } catch (IOException closedByTheServer) {
                    // that is the point
                }
            }
        }

        /** True once the server has closed the connection (end of stream or reset); it never sends anything. */
        synchronized boolean closedByTheServer() {
            try {
                socket.setSoTimeout(1);
                InputStream in = socket.getInputStream();
                if (in.read() >= 0) {
                    throw new AssertionError("the server sent something to a connection without a call");
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    /** Sends each call's speech, one 20 ms message per call every 20 ms. */
    private static void talk(List<SimulatedCall> calls) {
        byte[][] speeches = new byte[calls.size()][];
        for (int i = 0; i < calls.size(); i++) {
            speeches[i] = speech(i);
        }
        long start = System.nanoTime();
        try {
            for (int frame = 0; frame < FRAMES; frame++) {
                long wait;
                while ((wait = start + frame * FRAME_NANOS - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (int i = 0; i < calls.size(); i++) {
                    calls.get(i).sendAudio(0x10, Arrays.copyOfRange(speeches[i], frame * 320, frame * 320 + 320));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] speech(int call) {
        return Frames.pattern(1000 + call, FRAMES * 320);
    }

    private static byte[] prompt(int call) {
        return Frames.pattern(2000 + call, FRAMES * 320);
    }
}
