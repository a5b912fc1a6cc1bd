package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.LogCapture;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A caller who hangs up while audio is being played into the call: Asterisk closes with a FIN, and a server that writes
 * into the connection before it has read that FIN draws a reset, which fails its next write. Whatever the server learns
 * first, the call ended because the caller hung up (REMOTE_CLOSED), and a call that has ended does not warn that its
 * peer is not reading.
 * <p>
 * The race is made certain: the server's event loop is held while the caller sends two last frames and closes, with
 * everything the server sent before read (so that its close is a FIN, not a reset). When the loop goes on, it reads
 * both frames before the FIN and answers each at once (the echo is behind after a hold-up), so its second write fails.
 */
class HangupRaceTest extends AudioSocketTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an echo on the event loops: a late reply goes out with the read that brought it
                from(audiosocket("usingExecutorService=false&exchangePattern=InOut")).routeId("echo").process(events);
            }
        };
    }

    @Test
    void aCallerWhoHangsUpDuringAnEchoHasHungUp() throws Exception {
        AudioSocketServer server = server("echo");
        List<String> reasons = new ArrayList<>();
        try (LogCapture log = LogCapture.capture()) {
            for (int call = 0; call < 5; call++) {
                SimulatedCall caller = SimulatedCall.dial(port);
                UUID uuid = caller.uuid();
                caller.play(Frames.pattern(call, 8000)); // 500 ms: the echo is under way
                caller.pause(Duration.ofMillis(150)); // a hold-up (not a pause of 200 ms): the echo is behind from here
                caller.play(Frames.pattern(call + 100, 3200)); // 200 ms more, each frame echoed as it comes
                caller.awaitAudio(Duration.ofMillis(700), Duration.ofSeconds(5)); // all of it echoed

                Channel channel = server.findCall(uuid).channel();
                CountDownLatch held = new CountDownLatch(1);
                CountDownLatch hangUp = new CountDownLatch(1);
                channel.eventLoop().execute(() -> {
                    held.countDown();
                    try {
                        hangUp.await(5, TimeUnit.SECONDS);
                        Thread.sleep(100); // the caller's last frames and FIN arrive meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                held.await(5, TimeUnit.SECONDS);
                Thread.sleep(100); // the caller reads what was in flight: nothing more comes while the loop is held
                caller.sendAudio(0x10, Frames.pattern(call + 200, 320)).sendAudio(0x10, Frames.pattern(call + 300, 320));
                caller.close(); // a FIN: nothing of the server's is left unread
                hangUp.countDown();
                reasons.add((String) events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                        .header(AudioSocketConstants.HANGUP_REASON));
            }
            awaitTrue("every call to be released", 5, TimeUnit.SECONDS, () -> server.openConnections() == 0);
            assertEquals(List.of("REMOTE_CLOSED"), reasons.stream().distinct().toList(), reasons.toString());
            assertEquals(List.of(), log.lines().stream().filter(l -> l.contains("not reading")).toList());
        }
    }
}
