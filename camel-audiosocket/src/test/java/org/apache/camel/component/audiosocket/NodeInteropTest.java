package org.apache.camel.component.audiosocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Client mode against AudioSocket software we did not write: a Node.js server built on the npm package
 * {@code asterisk-audiosocket} 0.1.0 (installed from the npm registry into target/). Skipped, with a message, where
 * node or npm is missing.
 */
class NodeInteropTest extends AudioSocketTestSupport {

    private static final Path WORK = Path.of("target", "node-interop");
    private static final List<JsonObject> SERVER_LOG = new ArrayList<>();
    private static Process server;
    private static int serverPort;

    @BeforeAll
    static void startNodeServer() throws Exception {
        assumeTrue(commandWorks("node", "--version") && commandWorks("npm", "--version"),
                "node and npm are needed to run the asterisk-audiosocket server: interop test skipped");
        Files.createDirectories(WORK);
        for (String file : new String[] { "package.json", "server.mjs" }) {
            try (InputStream in = NodeInteropTest.class.getResourceAsStream("/interop/" + file)) {
                Files.write(WORK.resolve(file), in.readAllBytes());
            }
        }
        // the child processes' output goes to files: written to this JVM's own stdout, it would corrupt the channel
        // Surefire reads the test results from
        if (!Files.isDirectory(WORK.resolve("node_modules/asterisk-audiosocket"))) {
            Path log = WORK.resolve("npm-install.log");
            Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(install.waitFor(180, TimeUnit.SECONDS) && install.exitValue() == 0,
                    "npm install failed: " + Files.readString(log));
        }
        server = new ProcessBuilder("node", "server.mjs", "0").directory(WORK.toFile())
                .redirectError(WORK.resolve("server-errors.log").toFile()).start();
        Thread reader = new Thread(NodeInteropTest::readServerLog, "node-server-log");
        reader.setDaemon(true);
        reader.start();
        serverPort = ((Number) awaitServerLog(e -> "listening".equals(e.get("event")), 20).get("port")).intValue();
    }

    @AfterAll
    static void stopNodeServer() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String uri = "audiosocket:127.0.0.1:" + serverPort + "?clientMode=true";
                from("direct:dial").to(uri);
                from(uri).process(events);
            }
        };
    }

    @Test
    void nodeServerHearsTheCallAndEchoesItBack() throws Exception {
        String uuid = UUID.randomUUID().toString();
        byte[] pcm = Frames.pattern(21, 16000); // 1 s at 8 kHz
        template.sendBodyAndHeader("direct:dial", pcm, AudioSocketConstants.UUID, uuid);
        events.await(e -> uuid.equals(e.uuid()) && events.audio(uuid).length == pcm.length, 10, TimeUnit.SECONDS);
        template.sendBodyAndHeaders("direct:dial", null,
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.COMMAND, "HANGUP"));

        // what it received: our UUID first, then 50 frames of 320 bytes; our FIN ends the call on its side
        JsonObject hangup = awaitServerLog(e -> "hangup".equals(e.get("event")) && uuid.equals(e.get("uuid")), 10);
        assertEquals(50, ((Number) hangup.get("frames")).intValue());
        assertEquals(uuid, serverLog(e -> "id".equals(e.get("event")) && uuid.equals(e.get("uuid"))).get(0).get("uuid"));
        assertTrue(serverLog(e -> "audio".equals(e.get("event")) && uuid.equals(e.get("uuid")))
                .stream().allMatch(e -> ((Number) e.get("bytes")).intValue() == 320));
        // what it sent back: the same audio, byte for byte, as 320-byte slin frames
        assertArrayEquals(pcm, events.audio(uuid));
        assertTrue(events.ofType(uuid, "AUDIO").stream().allMatch(e -> e.bytes().length == 320));
        assertEquals("LOCAL_HANGUP", events.awaitHangup(uuid, 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void nodeServerHangsUpWithAHangupMessage() throws Exception {
        String uuid = "00000000-" + UUID.randomUUID().toString().substring(9);
        template.sendBodyAndHeader("direct:dial", Frames.pattern(22, 16000), AudioSocketConstants.UUID, uuid);
        Event hangup = events.awaitHangup(uuid, 10, TimeUnit.SECONDS);
        assertEquals("REMOTE_HANGUP", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertEquals(0, events.ofType(uuid, "ERROR").size());
    }

    @Test
    void whatTheLibraryDoesNotKnowItReportsAsAnError() throws Exception {
        // asterisk-audiosocket 0.1.0 knows kinds 0x00, 0x01, 0x10 and 0xff only: DTMF (0x03) and the other audio rates
        // (here 16 kHz, 0x12) reach its application as 'error' events, not as digits or audio
        String uuid = UUID.randomUUID().toString();
        template.sendBodyAndHeaders("direct:dial", Frames.pattern(23, 640),
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.SAMPLE_RATE, 16000,
                        AudioSocketConstants.DTMF_DIGIT, "5"));
        awaitServerLog(e -> "error".equals(e.get("event")) && uuid.equals(e.get("uuid")), 10);
        template.sendBodyAndHeaders("direct:dial", null,
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.COMMAND, "HANGUP"));
        awaitServerLog(e -> "hangup".equals(e.get("event")) && uuid.equals(e.get("uuid")), 10);
        assertEquals(0, serverLog(e -> "audio".equals(e.get("event")) && uuid.equals(e.get("uuid"))).size());
        assertEquals(2, serverLog(e -> "error".equals(e.get("event")) && uuid.equals(e.get("uuid"))).size());
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void readServerLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                JsonObject entry = (JsonObject) Jsoner.deserialize(line);
                synchronized (SERVER_LOG) {
                    SERVER_LOG.add(entry);
                    SERVER_LOG.notifyAll();
                }
            }
        } catch (Exception e) {
            // the server stopped
        }
    }

    private static List<JsonObject> serverLog(Predicate<JsonObject> condition) {
        synchronized (SERVER_LOG) {
            return SERVER_LOG.stream().filter(condition).toList();
        }
    }

    private static JsonObject awaitServerLog(Predicate<JsonObject> condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (SERVER_LOG) {
            while (true) {
                for (JsonObject entry : SERVER_LOG) {
                    if (condition.test(entry)) {
                        return entry;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The node server did not log that within " + seconds + " s; it logged "
                                             + SERVER_LOG);
                }
                TimeUnit.NANOSECONDS.timedWait(SERVER_LOG, left);
            }
        }
    }
}
