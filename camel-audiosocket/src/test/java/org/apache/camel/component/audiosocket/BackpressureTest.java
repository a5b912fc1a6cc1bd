package org.apache.camel.component.audiosocket;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route that falls behind makes the server stop reading that call's socket (TCP backpressure) instead of buffering
 * without bound; a pause that lasts is counted; once the route catches up, every byte arrives, in order.
 */
class BackpressureTest extends AudioSocketTestSupport {

    private static final int MAX_PENDING = 20;
    private static final int FRAME = 1920; // 20 ms at 48 kHz
    /** Far more than the kernel's socket buffers on both sides can hold. */
    private static final int FRAMES = 25_000;

    private final CountDownLatch routeReleased = new CountDownLatch(1);
    private final int idlePort = FreePorts.next();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("maxPendingExchanges=" + MAX_PENDING + "&readPauseWarnThreshold=200")).routeId("calls")
                        .process(e -> routeReleased.await(60, TimeUnit.SECONDS))
                        .process(events);
                // a route that stalls for 3 s on its first audio, on a server with a short idle timeout
                from("audiosocket:127.0.0.1:" + idlePort + "?idleTimeout=500&maxPendingExchanges=4").routeId("stalling")
                        .process(events)
                        .filter(e -> (Long) e.getMessage().getHeader(AudioSocketConstants.SEQUENCE) == 2)
                            .delay(3000).syncDelayed();
            }
        };
    }

    @Test
    void theIdleTimeoutDoesNotCountWhileReadingIsPaused() throws Exception {
        // the caller talks all along; only the server's own pause keeps its audio from being read
        byte[] audio = Frames.pattern(3, 5 * 16000);
        UUID uuid;
        try (SimulatedCall caller = SimulatedCall.dial(idlePort)) {
            uuid = caller.uuid();
            caller.play(audio, 8000, true);
            assertTrue(server("stalling").longReadPauses() + server("stalling").readPauses() > 0, "reading was paused");
            assertFalse(caller.isClosedByServer(), "the server hung up on a caller who never stopped talking");
        }
        Event hangup = events.awaitHangup(uuid.toString(), 10, TimeUnit.SECONDS);
        assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertArrayEquals(audio, events.audio(uuid.toString()), "every byte the caller said reached the route");
    }

    @Test
    void slowRoutePausesReadingWithoutLosingAudio() throws Exception {
        UUID uuid = UUID.randomUUID();
        byte[] audio = Frames.pattern(7, FRAMES * FRAME);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(Frames.uuid(uuid));
                    for (int f = 0; f < FRAMES; f++) {
                        out.write(Frames.frame(0x16, java.util.Arrays.copyOfRange(audio, f * FRAME, (f + 1) * FRAME)));
                    }
                    out.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });

            AudioSocketServer server = server("calls");
            awaitTrue("the pause to be reported", 20, TimeUnit.SECONDS, () -> server.longReadPauses() >= 1);
            CallSession call = server.findCall(uuid);
            assertTrue(call.isReadPaused());
            // bounded: the limit, plus what was already decoded from the last read (at most 64 KiB)
            int pending = call.pendingEvents();
            assertTrue(pending <= MAX_PENDING + 65536 / FRAME + 1, pending + " events waiting");
            assertFalse(writer.isDone(), "the sender should be blocked by TCP flow control");

            routeReleased.countDown();
            writer.get(60, TimeUnit.SECONDS);
        }
        events.awaitHangup(uuid.toString(), 60, TimeUnit.SECONDS);
        assertEquals(FRAMES, events.ofType(uuid.toString(), "AUDIO").size());
        assertArrayEquals(audio, events.audio(uuid.toString()));
    }
}
