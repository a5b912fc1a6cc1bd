package org.apache.camel.audiosocket.examples.recorder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's RUN command: the recorder dials itself with simulated calls, reports, and stops by itself. */
class DemoTest {

    @Test
    void simulatedCallsAreRecordedAndHearTheGreeting(@TempDir Path recordings) throws Exception {
        Files.write(recordings.resolve("earlier.wav"), new byte[0]); // a recording of an earlier run
        Main main = CallRecorderApplication.newMain();
        SimulatedCalls demo = new SimulatedCalls(main);
        main.addMainListener(demo);
        main.addOverrideProperty("audiosocket.host", "127.0.0.1");
        main.addOverrideProperty("audiosocket.port", String.valueOf(FreePorts.next()));
        main.addOverrideProperty("recordings.dir", recordings.toString());
        main.addOverrideProperty("simulate.calls", "2");
        main.addOverrideProperty("simulate.duration", "2s");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // run() returns when the demo has stopped the application
            CompletableFuture.runAsync(() -> {
                try {
                    main.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("2 dialled, 2 connected, 2 completed, 0 ended by the server, 0 failed"), out);
        assertTrue(out.contains("result         OK"), out);
        assertFalse(demo.failed(), "main() exits with 0");
        // the listing names this run's recordings, with their sizes, and only counts the earlier ones
        assertTrue(out.contains("Recordings of these calls, in " + recordings.toAbsolutePath() + ":"), out);
        assertEquals(2, out.lines().filter(l -> l.matches("  [0-9a-f-]{36}\\.wav  32044 bytes")).count(), out);
        assertEquals(2, out.lines().filter(l -> l.matches("  [0-9a-f-]{36}-played\\.wav  24044 bytes")).count(), out);
        assertFalse(out.contains("earlier.wav"), out);
        assertTrue(out.contains("  (and 1 file(s) of earlier runs)"), out);
        assertFalse(out.contains("had not finished every call"), out);
        // and it was printed once the calls were over: every file new since is listed, each with the size it has now
        // (the final one: the recorder has stopped), its WAV header finished with that size
        Map<String, Long> listed = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^  (\\S+\\.wav)  (\\d+) bytes$").matcher(out);
        while (line.find()) {
            listed.put(line.group(1), Long.parseLong(line.group(2)));
        }
        Map<String, Long> present = new TreeMap<>();
        try (var files = Files.list(recordings)) {
            files.filter(f -> !f.getFileName().toString().equals("earlier.wav"))
                    .forEach(f -> present.put(f.getFileName().toString(), f.toFile().length()));
        }
        assertEquals(present, listed, out);
        for (Map.Entry<String, Long> file : listed.entrySet()) {
            byte[] header = Arrays.copyOf(Files.readAllBytes(recordings.resolve(file.getKey())), Wav.HEADER_LENGTH);
            assertArrayEquals(Wav.header(8000, file.getValue() - Wav.HEADER_LENGTH), header,
                    file.getKey() + ": the header of a finished recording");
        }
    }
}
