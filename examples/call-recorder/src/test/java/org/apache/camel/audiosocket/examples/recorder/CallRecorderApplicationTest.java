package org.apache.camel.audiosocket.examples.recorder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.ReceivedMessage;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.camel.builder.Builder.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application as {@link CallRecorderApplication} does (camel-main, its application.properties), with a
 * free port and a temporary recordings directory, and calls it over a real socket as Asterisk would (the component's
 * test kit, SimulatedCall).
 */
class CallRecorderApplicationTest {

    private static final long TIMEOUT_SECONDS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final int KIND_SLIN_8K = 0x10;
    private static final int FRAME_BYTES = 320;

    @TempDir
    Path recordings;

    private Main main;
    private int port;
    private byte[] greeting;

    @BeforeEach
    void startApplication() throws Exception {
        port = FreePorts.next();
        main = CallRecorderApplication.newMain();
        main.addOverrideProperty("audiosocket.host", "127.0.0.1");
        main.addOverrideProperty("audiosocket.port", String.valueOf(port));
        main.addOverrideProperty("recordings.dir", recordings.toString());
        main.start();
        try (InputStream in = CallRecorderRoutes.class.getResourceAsStream(CallRecorderRoutes.GREETING_RESOURCE)) {
            greeting = Wav.read(in.readAllBytes()).samples();
        }
    }

    @AfterEach
    void stopApplication() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void recordsTheCallAndGreetsTheCaller() throws Exception {
        UUID uuid = UUID.randomUUID();
        byte[] audio = speech(1, 2000);
        NotifyBuilder hungUp = hangupsOf(1);

        List<ReceivedMessage> heard = call(uuid, audio);

        assertTrue(hungUp.matches(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the route took the call's HANGUP");
        assertRecording(uuid, audio);
        assertGreeting(heard);
        assertArrayEquals(Wav.wrap(greeting, 8000), Files.readAllBytes(recordings.resolve(uuid + "-played.wav")),
                "the other direction: what was played into the call, finished at hangup");
    }

    @Test
    void twoConcurrentCallsGetTwoRecordings() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        byte[] firstAudio = speech(2, 2000);
        byte[] secondAudio = speech(3, 2400);
        NotifyBuilder hungUp = hangupsOf(2);

        CompletableFuture<List<ReceivedMessage>> firstCall = CompletableFuture.supplyAsync(() -> callUnchecked(first, firstAudio));
        CompletableFuture<List<ReceivedMessage>> secondCall = CompletableFuture.supplyAsync(() -> callUnchecked(second, secondAudio));
        List<ReceivedMessage> firstHeard = firstCall.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ReceivedMessage> secondHeard = secondCall.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertTrue(hungUp.matches(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the route took both HANGUPs");
        assertRecording(first, firstAudio);
        assertRecording(second, secondAudio);
        assertGreeting(firstHeard);
        assertGreeting(secondHeard);
    }

    @Test
    void aSilentCallIsKeptUpAndLeavesNoFile() throws Exception {
        UUID uuid = UUID.randomUUID();
        NotifyBuilder hungUp = hangupsOf(1);

        try (SimulatedCall caller = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            // the greeting, then a keep-alive frame of silence, such as keeps Asterisk's AudioSocket() from timing out
            caller.awaitAudio(Duration.ofMillis(millisOf(greeting.length + FRAME_BYTES)), TIMEOUT);
            List<ReceivedMessage> heard = caller.received();
            assertTrue(heard.size() > greeting.length / FRAME_BYTES, "a keep-alive frame after the greeting");
            assertGreeting(heard);
        }

        assertTrue(hungUp.matches(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the route took the call's HANGUP");
        assertFalse(Files.exists(recordings.resolve(uuid + ".wav")), "no audio from the caller, no recording of it");
        try (var files = Files.list(recordings)) {
            assertEquals(List.of(recordings.resolve(uuid + "-played.wav")), files.toList(), "only the greeting's");
        }
    }

    @Test
    void aReusedUuidMovesTheEarlierRecordingAside() throws Exception {
        UUID uuid = UUID.fromString("40325ec2-5efd-4bd3-805f-53576e581d13"); // as a dialplan with a fixed UUID gives
        byte[] firstAudio = speech(4, 600);
        byte[] secondAudio = speech(5, 400);
        // both made now: a NotifyBuilder made while Camel hands out an exchange's "completed" event gets that event too
        NotifyBuilder firstHungUp = hangupsOf(1);
        NotifyBuilder bothHungUp = hangupsOf(2);
        call(uuid, firstAudio);
        assertTrue(firstHungUp.matches(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the route took the first HANGUP");

        call(uuid, secondAudio);
        assertTrue(bothHungUp.matches(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the route took the second HANGUP");

        assertRecording(uuid, secondAudio);
        Path aside;
        try (var files = Files.list(recordings)) {
            List<Path> others = files.filter(f -> !f.getFileName().toString().startsWith(uuid + ".wav")
                                                  && !f.getFileName().toString().startsWith(uuid + "-played")).toList();
            assertEquals(1, others.size(), "the earlier recording, moved aside: " + others);
            aside = others.get(0);
        }
        assertTrue(aside.getFileName().toString().matches(uuid + "-\\d{8}T\\d{6}Z\\.wav"), aside.toString());
        try (var files = Files.list(recordings)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().matches(uuid + "-played-\\d{8}T\\d{6}Z\\.wav"))
                    .count(), "the earlier call's played recording, moved aside too");
        }
        assertArrayEquals(Wav.wrap(firstAudio, 8000), Files.readAllBytes(aside), "the earlier call's recording, intact");
    }

    /** A whole call: UUID, the caller's audio paced in real time, the greeting heard, a DTMF digit, hang up. */
    private List<ReceivedMessage> call(UUID uuid, byte[] audio) throws Exception {
        try (SimulatedCall caller = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            caller.play(audio); // 20 ms messages, paced as Asterisk sends them
            caller.awaitAudio(Duration.ofMillis(millisOf(greeting.length)), TIMEOUT);
            caller.sendDtmf("5");
            return caller.received();
        }
    }

    private List<ReceivedMessage> callUnchecked(UUID uuid, byte[] audio) {
        try {
            return call(uuid, audio);
        } catch (Exception e) {
            throw new IllegalStateException("call " + uuid + " failed", e);
        }
    }

    /** Done once the route has finished {@code count} HANGUP exchanges (and so has finished their files). */
    private NotifyBuilder hangupsOf(int count) {
        return new NotifyBuilder(main.getCamelContext())
                .filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("HANGUP"))
                .whenDone(count)
                .create();
    }

    private void assertRecording(UUID uuid, byte[] audio) throws Exception {
        Path file = recordings.resolve(uuid + ".wav");
        assertTrue(Files.exists(file), file + " was written");
        byte[] wav = Files.readAllBytes(file);
        assertEquals(Wav.HEADER_LENGTH + audio.length, wav.length, "header and every byte of audio");
        assertArrayEquals(Wav.header(8000, audio.length), Arrays.copyOf(wav, Wav.HEADER_LENGTH),
                "canonical 44-byte header: PCM, mono, 8000 Hz, 16 bit, final sizes");
        assertArrayEquals(audio, Arrays.copyOfRange(wav, Wav.HEADER_LENGTH, wav.length), "the audio, byte for byte");

        // and a WAV reader that is not ours agrees
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertEquals(8000f, format.getSampleRate());
            assertEquals(16, format.getSampleSizeInBits());
            assertEquals(1, format.getChannels());
            assertFalse(format.isBigEndian());
            assertEquals(audio.length / 2, in.getFrameLength());
        }
    }

    /**
     * The greeting came back as Asterisk wants audio: 20 ms (320-byte) slin 8 kHz messages, exactly its PCM; after
     * it, only the keep-alive's frames of silence, if the call lasted long enough for any.
     */
    private void assertGreeting(List<ReceivedMessage> heard) {
        int greetingFrames = greeting.length / FRAME_BYTES;
        assertTrue(heard.size() >= greetingFrames, "one message per 20 ms of greeting, got " + heard.size());
        for (ReceivedMessage frame : heard) {
            assertEquals(KIND_SLIN_8K, frame.kind(), "audio, slin 8 kHz");
            assertEquals(FRAME_BYTES, frame.payload().length, "20 ms at 8 kHz");
        }
        ByteArrayOutputStream greetingHeard = new ByteArrayOutputStream();
        heard.subList(0, greetingFrames).forEach(frame -> greetingHeard.writeBytes(frame.payload()));
        assertArrayEquals(greeting, greetingHeard.toByteArray(), "the greeting, byte for byte");
        for (ReceivedMessage keepAlive : heard.subList(greetingFrames, heard.size())) {
            assertArrayEquals(new byte[FRAME_BYTES], keepAlive.payload(), "silence after the greeting");
        }
    }

    private static long millisOf(int bytesAt8kHz) {
        return bytesAt8kHz / 16;
    }

    /** Made-up caller audio: {@code millis} of 8 kHz 16-bit PCM, different for every seed. */
    private static byte[] speech(long seed, int millis) {
        byte[] pcm = new byte[8000 * millis / 1000 * 2];
        new Random(seed).nextBytes(pcm);
        return pcm;
    }
}
