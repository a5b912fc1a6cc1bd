package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.Pacing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer plays audio into a live call: 20 ms frames, one per 20 ms, in order, and obeys its commands. */
class PlaybackTest extends AudioSocketTestSupport {

    private final UUID uuid = UUID.randomUUID();
    private volatile SimulatedCall asterisk;
    private final java.util.concurrent.atomic.AtomicInteger framesAtMark = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final java.util.concurrent.atomic.AtomicLong markNanos = new java.util.concurrent.atomic.AtomicLong();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("playbackQueueLimit=3000")).routeId("calls")
                        .process(e -> {
                            if ("MARK".equals(e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE))) {
                                markNanos.set(asterisk.elapsed().toNanos());
                                // the server's own count: a frame is counted before it is written, so every frame
                                // sent before the MARK is in it, whenever the far end gets round to reading it
                                framesAtMark.set((int) server("calls").findCall(uuid).framesSent());
                            }
                        })
                        .process(events);
                // failures go back to the test as they are, without the error handler logging them
                from("direct:play").errorHandler(noErrorHandler()).to(audiosocket(""));
                // the producer may name the server by another address on the same port
                from("direct:playLocalhost").to("audiosocket:localhost:" + port);
            }
        };
    }

    @BeforeEach
    void dial() throws Exception {
        asterisk = SimulatedCall.connect(port);
        asterisk.sendUuid(uuid);
        events.await(e -> "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
    }

    @AfterEach
    void hangUp() throws Exception {
        asterisk.close();
    }

    @Test
    void audioIsCutInto20msFramesOfTheCallsRate() throws Exception {
        byte[] pcm = Frames.pattern(1, 4000); // 250 ms at 8 kHz: 12 whole frames and 160 bytes
        play(pcm, Map.of());
        List<ReceivedMessage> frames = asterisk.awaitReceived(13, Duration.ofSeconds(5));
        assertEquals(13, frames.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(0x10, frames.get(i).kind());
            assertEquals(320, frames.get(i).payload().length);
        }
        assertEquals(160, frames.get(12).payload().length);
        assertArrayEquals(pcm, asterisk.receivedAudio());
    }

    @Test
    void bodyRateComesFromTheHeaderOrTheBody() throws Exception {
        byte[] wide = Frames.pattern(2, 1280); // 40 ms at 16 kHz
        play(wide, Map.of(AudioSocketConstants.SAMPLE_RATE, 16000));
        byte[] wav = Wav.wrap(Frames.pattern(3, 3840), 48000); // 40 ms at 48 kHz, rate in the WAV header
        play(wav, Map.of());
        byte[] pcm24 = Frames.pattern(4, 1920); // 40 ms at 24 kHz, rate in the body type
        play(new PcmAudio(pcm24, 24000), Map.of());
        List<ReceivedMessage> frames = asterisk.awaitReceived(6, Duration.ofSeconds(5));
        assertEquals(List.of(0x12, 0x12, 0x16, 0x16, 0x13, 0x13), frames.stream().map(ReceivedMessage::kind).toList());
        assertEquals(List.of(640, 640, 1920, 1920, 960, 960), frames.stream().map(r -> r.payload().length).toList());
        assertArrayEquals(Frames.concat(wide, Frames.pattern(3, 3840), pcm24), asterisk.receivedAudio());
    }

    @Test
    void ulawBodyIsDecodedBeforeItIsPlayed() throws Exception {
        byte[] ulaw = new byte[160];
        java.util.Arrays.fill(ulaw, (byte) 0x80); // µ-law 0x80 is +32124
        play(ulaw, Map.of(AudioSocketConstants.CODEC, "ULAW"));
        List<ReceivedMessage> frames = asterisk.awaitReceived(1, Duration.ofSeconds(5));
        assertEquals(320, frames.get(0).payload().length);
        assertEquals(32124, (short) ((frames.get(0).payload()[0] & 0xff) | (frames.get(0).payload()[1] << 8)));
    }

    @Test
    void aPlayedArrayIsPlayedInPlaceAndNeverWritten() throws Exception {
        // as documented: the producer keeps the body's array, without a copy, until it has played (a prompt played
        // into a thousand calls is held once), and never writes to it; a route that reuses its buffer hands over a copy
        byte[] before = Frames.pattern(6, 32000); // 2 s
        byte[] body = Frames.pattern(7, 1600);
        play(before, Map.of());
        play(body, Map.of());
        byte[] changed = Frames.pattern(8, 1600);
        System.arraycopy(changed, 0, body, 0, changed.length); // while the 2 s before it still play
        byte[] heard = asterisk.awaitAudio(Duration.ofMillis(2100), Duration.ofSeconds(10));
        assertArrayEquals(Frames.concat(before, changed), heard, "what the array held when its turn came");
        assertArrayEquals(Frames.pattern(8, 1600), body, "the array as the route left it");
    }

    @Test
    void concurrentSendsQueueUpWholeAndInOrder() throws Exception {
        int senders = 4;
        int bodies = 5;
        int bodyBytes = 1600; // 100 ms
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> sends = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            sends.add(pool.submit(() -> {
                for (int b = 0; b < bodies; b++) {
                    play(Frames.pattern(100 * sender + b, bodyBytes), Map.of());
                }
                return null;
            }));
        }
        for (Future<?> send : sends) {
            send.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int total = senders * bodies * bodyBytes / 320;
        List<ReceivedMessage> frames = asterisk.awaitReceived(total, Duration.ofSeconds(10));
        assertEquals(total, frames.size());
        // every 100 ms block is one whole body, each body exactly once, each sender's bodies in its order
        byte[] audio = asterisk.receivedAudio();
        Map<Integer, Integer> nextOfSender = new HashMap<>();
        for (int block = 0; block < senders * bodies; block++) {
            byte[] got = java.util.Arrays.copyOfRange(audio, block * bodyBytes, (block + 1) * bodyBytes);
            int found = -1;
            for (int s = 0; s < senders && found < 0; s++) {
                int b = nextOfSender.getOrDefault(s, 0);
                if (b < bodies && java.util.Arrays.equals(got, Frames.pattern(100 * s + b, bodyBytes))) {
                    found = s;
                }
            }
            assertTrue(found >= 0, "block " + block + " is not the next body of any sender: bodies interleaved");
            nextOfSender.merge(found, 1, Integer::sum);
        }
        // played in real time, not faster: 2 s of audio takes 2 s (less the last frame)
        long span = frames.get(total - 1).at().toNanos() - frames.get(0).at().toNanos();
        assertTrue(span >= TimeUnit.MILLISECONDS.toNanos(1980 - 20 - 10), "played in " + span / 1_000_000 + " ms");
    }

    @Test
    void clearDropsWhatIsQueuedAndLaterAudioPlays() throws Exception {
        byte[] prompt = Frames.pattern(5, 16000 * 2); // 2 s
        byte[] answer = Frames.pattern(6, 1600);
        play(prompt, Map.of());
        asterisk.awaitReceived(5, Duration.ofSeconds(5));
        command("CLEAR", Map.of());
        play(answer, Map.of());
        command("MARK", Map.of(AudioSocketConstants.MARK, "after-answer"));
        Event mark = events.await(e -> "MARK".equals(e.type()), 5, TimeUnit.SECONDS);
        assertEquals("after-answer", mark.header(AudioSocketConstants.MARK));

        byte[] audio = receivedAudioSentSoFar();
        int promptPlayed = audio.length - answer.length;
        assertTrue(promptPlayed > 0 && promptPlayed < prompt.length / 2, "prompt bytes played: " + promptPlayed);
        assertArrayEquals(java.util.Arrays.copyOf(prompt, promptPlayed), java.util.Arrays.copyOf(audio, promptPlayed));
        assertArrayEquals(answer, java.util.Arrays.copyOfRange(audio, promptPlayed, audio.length));
    }

    @Test
    void playRightAfterClearIsMeasuredAgainstTheEmptiedQueue() throws Exception {
        byte[] first = Frames.pattern(12, 40000); // 2.5 s of the 3 s the queue may hold
        byte[] second = Frames.pattern(13, 40000);
        play(first, Map.of());
        command("CLEAR", Map.of());
        play(second, Map.of()); // would not fit if the cleared audio still counted
        command("MARK", Map.of(AudioSocketConstants.MARK, "end"));
        events.await(e -> "MARK".equals(e.type()), 10, TimeUnit.SECONDS);
        byte[] audio = receivedAudioSentSoFar();
        int firstPlayed = audio.length - second.length;
        assertTrue(firstPlayed >= 0 && firstPlayed < first.length, "first prompt bytes played: " + firstPlayed);
        assertArrayEquals(second, java.util.Arrays.copyOfRange(audio, firstPlayed, audio.length));
    }

    @Test
    void markIsReportedWhenPlaybackReachesIt() throws Exception {
        play(Frames.pattern(7, 8000), Map.of()); // 500 ms: 25 frames
        command("MARK", Map.of(AudioSocketConstants.MARK, "prompt-done"));
        play(Frames.pattern(8, 640), Map.of()); // 2 more frames after the mark
        Event mark = events.await(e -> "MARK".equals(e.type()), 5, TimeUnit.SECONDS);
        assertEquals("prompt-done", mark.header(AudioSocketConstants.MARK));
        assertEquals(uuid.toString(), mark.uuid());
        // when the route saw the MARK, the 25 frames before it had been sent (and, at most, the next two)
        int framesBefore = framesAtMark.get();
        assertTrue(framesBefore >= 25 && framesBefore <= 27, framesBefore + " frames had been sent at the MARK");
        List<ReceivedMessage> frames = asterisk.awaitReceived(27, Duration.ofSeconds(5));
        assertArrayEquals(Frames.concat(Frames.pattern(7, 8000), Frames.pattern(8, 640)), asterisk.receivedAudio());
        // reached means played, not just sent: the 25th frame's 20 ms had passed. Measured against where the frames
        // sit on the 20 ms schedule (the median), not against one frame's arrival, which the reader may stamp late
        long scheduleStart = Pacing.of(frames, TimeUnit.MILLISECONDS.toNanos(20)).anchorNanos();
        long sinceLastFrame = markNanos.get() - (scheduleStart + TimeUnit.MILLISECONDS.toNanos(24 * 20));
        assertTrue(sinceLastFrame >= TimeUnit.MILLISECONDS.toNanos(15),
                "MARK " + sinceLastFrame / 1e6 + " ms after the 25th frame's place on the schedule");
    }

    /**
     * The audio the call has received, once it has every frame the server had sent: a frame sent just before an event
     * may still be on its way when the event reaches the test.
     */
    private byte[] receivedAudioSentSoFar() throws InterruptedException {
        asterisk.awaitReceived((int) server("calls").findCall(uuid).framesSent(), Duration.ofSeconds(5));
        return asterisk.receivedAudio();
    }

    @Test
    void hangupComesAfterTheQueuedAudio() throws Exception {
        byte[] goodbye = Frames.pattern(9, 3200); // 200 ms
        play(goodbye, Map.of());
        command("HANGUP", Map.of());
        assertTrue(asterisk.awaitClosed(Duration.ofSeconds(5)));
        List<ReceivedMessage> frames = asterisk.received();
        assertEquals(11, frames.size());
        assertEquals(0x00, frames.get(10).kind());
        assertArrayEquals(goodbye, asterisk.receivedAudio());
        Event hangup = events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertEquals("LOCAL_HANGUP", hangup.header(AudioSocketConstants.HANGUP_REASON));
        // the call is gone: playing into it now fails
        Exception e = assertThrows(CamelExecutionException.class, () -> play(goodbye, Map.of()));
        assertInstanceOf(AudioSocketCallNotFoundException.class, e.getCause());
    }

    @Test
    void producerFindsTheServerByPortWhenTheHostDiffers() throws Exception {
        byte[] pcm = Frames.pattern(10, 640);
        template.sendBodyAndHeader("direct:playLocalhost", pcm, AudioSocketConstants.UUID, uuid.toString());
        asterisk.awaitReceived(2, Duration.ofSeconds(5));
        assertArrayEquals(pcm, asterisk.receivedAudio());
    }

    @Test
    void whatCannotBePlayedFailsWithASpecificError() {
        assertFails(AudioSocketCallNotFoundException.class, "No live call",
                () -> template.sendBodyAndHeader("direct:play", new byte[320], AudioSocketConstants.UUID,
                        UUID.randomUUID().toString()));
        assertFails(IllegalArgumentException.class, AudioSocketConstants.UUID,
                () -> template.sendBody("direct:play", new byte[320]));
        assertFails(AudioSocketInvalidAudioException.class, "22050 Hz",
                () -> play(new byte[320], Map.of(AudioSocketConstants.SAMPLE_RATE, 22050)));
        assertFails(AudioSocketInvalidAudioException.class, "odd length",
                () -> play(new byte[321], Map.of()));
        // the queue holds at most 3 s (playbackQueueLimit=3000): 4 s does not fit
        assertFails(AudioSocketPlaybackQueueFullException.class, "playbackQueueLimit",
                () -> play(new byte[16000 * 4], Map.of()));
        assertFails(IllegalArgumentException.class, AudioSocketConstants.MARK,
                () -> command("MARK", Map.of()));
    }

    private void play(Object body, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(AudioSocketConstants.UUID, uuid.toString());
        template.sendBodyAndHeaders("direct:play", body, all);
    }

    private void command(String command, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(AudioSocketConstants.COMMAND, command);
        play(null, all);
    }

    private static void assertFails(Class<? extends Exception> type, String messagePart, Runnable send) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, send::run);
        assertInstanceOf(type, e.getCause());
        assertTrue(e.getCause().getMessage().contains(messagePart), e.getCause().getMessage());
    }
}
