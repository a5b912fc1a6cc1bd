package org.apache.camel.audiosocket.examples.jms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway and the recorder as two applications (each with its own connection, as in two JVMs) on a real Artemis
 * broker: concurrent 16 kHz calls go through the queue, and each comes out as {@code <uuid>.wav} at 16 kHz holding
 * exactly the audio the call sent, in order, although four consumers share the queue.
 */
class JmsRecorderTest {

    private static final int CALLS = 5;
    private static final int RATE = 16_000;
    // 2.1 s: ten whole 200 ms chunks and a partial one, which leaves at hangup
    private static final int BYTES = 2_100 * RATE / 1000 * 2;

    private static EmbeddedArtemis broker;

    @TempDir
    Path recordings;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedArtemis(FreePorts.next());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void everyCallIsRecordedFromTheQueueByteForByte() throws Exception {
        int port = FreePorts.next();
        Main gateway = start("gateway", port);
        Main recorder = start("recorder", port);
        List<Call> calls = new ArrayList<>();
        try {
            ExecutorService callers = Executors.newFixedThreadPool(CALLS);
            try {
                List<Future<Call>> running = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    long seed = i;
                    running.add(callers.submit(() -> call(port, seed)));
                }
                for (Future<Call> call : running) {
                    calls.add(call.get(30, TimeUnit.SECONDS));
                }
            } finally {
                callers.shutdownNow();
            }
            for (Call call : calls) {
                PcmAudio recorded = awaitRecording(recordings.resolve(call.uuid + ".wav"), BYTES);
                assertEquals(RATE, recorded.sampleRate(), "the rate crossed the queue as a JMS property");
                assertArrayEquals(call.said, recorded.samples(), "call " + call.uuid + " recorded byte for byte");
            }
            try (var files = Files.list(recordings)) {
                assertEquals(CALLS, files.count(), "one recording per call");
            }
        } finally {
            gateway.stop();
            recorder.stop();
        }
    }

    /** The example's application in one role, with its application.properties pointed at the test's broker. */
    private Main start(String role, int port) throws Exception {
        Main main = JmsRecorderApplication.newMain(role);
        main.addOverrideProperty("camel.main.name", role);
        main.addOverrideProperty("jms.broker-url", broker.url());
        main.addOverrideProperty("gateway.host", "127.0.0.1");
        main.addOverrideProperty("gateway.port", String.valueOf(port));
        main.addOverrideProperty("recordings.dir", recordings.toString());
        main.start();
        return main;
    }

    private static Call call(int port, long seed) throws Exception {
        byte[] said = new byte[BYTES];
        new Random(seed).nextBytes(said);
        try (SimulatedCall call = SimulatedCall.to("127.0.0.1", port).sampleRate(RATE).dial()) {
            call.play(said);
            call.hangup();
            return new Call(call.uuid().toString(), said);
        }
    }

    private record Call(String uuid, byte[] said) {
    }

    /** The recording once its header has been finished with the size of all the audio expected. */
    private static PcmAudio awaitRecording(Path file, int bytes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (Files.exists(file)) {
                byte[] wav = Files.readAllBytes(file);
                if (wav.length == Wav.HEADER_LENGTH + bytes) {
                    PcmAudio audio = Wav.read(wav);
                    if (audio.samples().length == bytes) {
                        return audio;
                    }
                }
            }
            assertTrue(System.nanoTime() < deadline, file + " finished with " + bytes + " bytes of audio");
            Thread.sleep(50);
        }
    }
}
