package org.apache.camel.component.audiosocket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 calls at once, each with audio of its own: none mixed up, each in order, on a shared pool (no thread per call),
 * and a call whose route is stuck holds back nobody else.
 */
class ConcurrentCallsTest extends AudioSocketTestSupport {

    private static final int CALLS = 50;
    private static final int FRAMES = 50;
    private static final int POOL_SIZE = 8;

    private final UUID slowCall = UUID.randomUUID();
    private final CountDownLatch othersHungUp = new CountDownLatch(CALLS - 1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("poolSize=" + POOL_SIZE))
                        .process(events) // recorded first: a HANGUP counts once it is recorded
                        .process(e -> {
                            Object uuid = e.getMessage().getHeader(AudioSocketConstants.UUID);
                            String type = e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE, String.class);
                            if (slowCall.toString().equals(uuid) && type.equals("AUDIO")) {
                                // stuck until every other call has been fully processed: if it held anyone back,
                                // this would never return in time
                                assertTrue(othersHungUp.await(30, TimeUnit.SECONDS), "other calls were held back");
                            } else if (type.equals("HANGUP")) {
                                othersHungUp.countDown();
                            }
                        });
            }
        };
    }

    @Test
    void callsRunInParallelInOrderAndIndependently() throws Exception {
        List<UUID> uuids = new ArrayList<>();
        uuids.add(slowCall);
        for (int i = 1; i < CALLS; i++) {
            uuids.add(UUID.randomUUID());
        }
        ExecutorService dialers = Executors.newFixedThreadPool(CALLS);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int call = i;
                calls.add(dialers.submit(() -> {
                    dial(uuids.get(call), call);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            dialers.shutdownNow();
        }
        for (UUID uuid : uuids) {
            events.awaitHangup(uuid.toString(), 60, TimeUnit.SECONDS);
        }

        Set<String> threads = new HashSet<>();
        for (int i = 0; i < CALLS; i++) {
            String uuid = uuids.get(i).toString();
            List<Event> call = events.events(uuid);
            assertEquals(FRAMES + 2, call.size(), "events of call " + i);
            for (int n = 0; n < call.size(); n++) {
                assertEquals((long) n + 1, call.get(n).header(AudioSocketConstants.SEQUENCE), "order of call " + i);
            }
            assertEquals("CALL_START", call.get(0).type());
            assertEquals("HANGUP", call.get(call.size() - 1).type());
            assertArrayEquals(audioOf(i), events.audio(uuid), "audio of call " + i);
            call.forEach(e -> threads.add(e.thread()));
        }
        assertTrue(threads.size() <= POOL_SIZE, "routes ran on " + threads.size() + " threads: " + threads);

        // the stuck call was the last to finish
        List<Event> all = events.events();
        Event slowHangup = events.awaitHangup(slowCall.toString(), 1, TimeUnit.SECONDS);
        assertEquals(all.size() - 1, all.indexOf(slowHangup));
    }

    private void dial(UUID uuid, int call) throws Exception {
        try (SimulatedCall asterisk = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            asterisk.play(audioOf(call)); // 20 ms frames, paced as Asterisk sends them
        }
    }

    private static byte[] audioOf(int call) {
        return Frames.pattern(call + 1, FRAMES * 320);
    }
}
