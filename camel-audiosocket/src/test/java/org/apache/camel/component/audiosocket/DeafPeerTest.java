package org.apache.camel.component.audiosocket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A peer that stays connected but has stopped reading: what is played into its call fills the buffers on the way, and
 * a hangup message queued behind them never leaves. However the call ends (the idle timeout, the HANGUP command, a
 * failing route, a stop), the connection is released within a bound, with exactly one HANGUP and the right reason.
 */
class DeafPeerTest extends AudioSocketTestSupport {

    /** How long a call may take to be released once its end is decided: the bound, and room for a busy machine. */
    private static final long RELEASED_WITHIN_MILLIS = CallSession.RELEASE_TIMEOUT_MILLIS + 1500;
    private static final long IDLE_TIMEOUT_MILLIS = 1000;

    private Socket deaf;
    private OutputStream toServer;
    private volatile boolean talking = true;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("idleTimeout=" + IDLE_TIMEOUT_MILLIS + "&hangupOnRouteError=true")).routeId("calls")
                        .process(events)
                        .filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("DTMF"))
                            .throwException(new IllegalStateException("the route fails on a key press"));
                from("direct:command").to(audiosocket(""));
            }
        };
    }

    @AfterEach
    void closeThePeer() throws IOException {
        talking = false;
        if (deaf != null) {
            deaf.close();
        }
    }

    @Test
    void idleTimeout() throws Exception {
        UUID uuid = deafCallWithFullBuffers();
        long silentSince = System.nanoTime();
        talking = false; // the peer falls silent too: the idle timeout fires a second later
        assertReleased(uuid, "IDLE_TIMEOUT", silentSince, IDLE_TIMEOUT_MILLIS + RELEASED_WITHIN_MILLIS);
    }

    @Test
    void hangupCommand() throws Exception {
        UUID uuid = deafCallWithFullBuffers();
        long asked = System.nanoTime();
        command(uuid, "CLEAR");
        command(uuid, "HANGUP");
        assertReleased(uuid, "LOCAL_HANGUP", asked, RELEASED_WITHIN_MILLIS);
    }

    @Test
    void hangupOnRouteError() throws Exception {
        UUID uuid = deafCallWithFullBuffers();
        long pressed = System.nanoTime();
        synchronized (toServer) {
            toServer.write(Frames.frame(0x03, new byte[] { '5' }));
        }
        assertReleased(uuid, "ROUTE_ERROR", pressed, RELEASED_WITHIN_MILLIS);
    }

    @Test
    void stop() throws Exception {
        UUID uuid = deafCallWithFullBuffers();
        AudioSocketServer server = server("calls");
        context.getRouteController().stopRoute("calls");
        assertEquals(0, server.openConnections(), "the stop released the call");
        assertEquals("SHUTDOWN", events.awaitHangup(uuid.toString(), RELEASED_WITHIN_MILLIS, TimeUnit.MILLISECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(1, events.ofType(uuid.toString(), "HANGUP").size());
    }

    /**
     * A call whose peer never reads but keeps sending audio (so that it is not idle): its kernel buffers kept small, and
     * audio played into it until the server's outbound buffer is over its high-water mark.
     */
    private UUID deafCallWithFullBuffers() throws Exception {
        UUID uuid = UUID.randomUUID();
        deaf = new Socket();
        deaf.setReceiveBufferSize(4096);
        deaf.connect(new InetSocketAddress("127.0.0.1", port));
        toServer = deaf.getOutputStream();
        toServer.write(Frames.uuid(uuid));
        keepTalking();
        awaitTrue("the call to start", 5, TimeUnit.SECONDS, () -> server("calls").findCall(uuid) != null);
        Channel channel = server("calls").findCall(uuid).channel();
        channel.config().setOption(ChannelOption.SO_SNDBUF, 4096); // no autotuning up to megabytes
        // 10 s at 192 kHz: 3.8 MB, of which the buffers on the way take well under 100 kB
        template.sendBodyAndHeaders("direct:command", new byte[3_840_000],
                Map.of(AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.SAMPLE_RATE, 192000));
        awaitTrue("the outbound buffer to fill", 10, TimeUnit.SECONDS, () -> !channel.isWritable());
        awaitTrue("frames to be dropped", 10, TimeUnit.SECONDS, () -> server("calls").playbackFramesDropped() > 0);
        return uuid;
    }

    /** The peer sends audio every 100 ms while {@link #talking}, so that the idle timeout does not fire. */
    private void keepTalking() {
        Thread talker = new Thread(() -> {
            try {
                for (int i = 0; talking; i++) {
                    synchronized (toServer) {
                        toServer.write(Frames.frame(0x10, Frames.pattern(i, 320)));
                    }
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the server reset the connection: that is what is expected
            }
        }, "deaf peer talking");
        talker.setDaemon(true);
        talker.start();
    }

    private void command(UUID uuid, String command) {
        template.sendBodyAndHeaders("direct:command", null,
                Map.of(AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.COMMAND, command));
    }

    /** The call gets its HANGUP, with the reason, within {@code withinMillis} of its end being asked for. */
    private void assertReleased(UUID uuid, String reason, long askedNanos, long withinMillis) throws Exception {
        Event hangup = events.awaitHangup(uuid.toString(), 10, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - askedNanos);
        assertEquals(reason, hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertTrue(took <= withinMillis, "released " + took + " ms after its end was asked for");
        awaitTrue("the connection to be closed", 5, TimeUnit.SECONDS, () -> server("calls").openConnections() == 0);
        assertNull(server("calls").findCall(uuid), "the call is gone");
        assertEquals(0, server("calls").activeCalls());
        Thread.sleep(200); // nothing more comes for the call
        assertEquals(1, events.ofType(uuid.toString(), "HANGUP").size(), "exactly one HANGUP");
    }
}
