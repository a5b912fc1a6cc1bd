package org.apache.camel.component.audiosocket.testkit;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test kit as a user's test would use it: against a route that greets, echoes, and hangs up on '#'. */
class SimulatedCallTest extends AudioSocketTestSupport {

    private static final byte[] GREETING = SimulatedCall.tone(660, 8000, Duration.ofMillis(100));

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("exchangePattern=InOut"))
                        .process(events)
                        .choice()
                            .when(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("CALL_START"))
                                .setBody(constant(GREETING))
                            .when(header(AudioSocketConstants.DTMF_DIGIT).isEqualTo("#"))
                                .setHeader(AudioSocketConstants.COMMAND, constant("HANGUP"));
            }
        };
    }

    @Test
    void theDocumentedExample() throws Exception {
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.playTone(440, Duration.ofMillis(400)); // paced: takes 400 ms
            byte[] heard = call.awaitAudio(Duration.ofMillis(500), Duration.ofSeconds(5));
            // the greeting, then the echo of the tone
            assertArrayEquals(concat(GREETING, SimulatedCall.tone(440, 8000, Duration.ofMillis(400))), heard);
            call.sendDtmf("1#");
            assertTrue(call.awaitHangup(Duration.ofSeconds(5)));
            assertTrue(call.serverSentHangup());
        }
    }

    @Test
    void audioIsSentAsAsteriskSendsIt() throws Exception {
        // the call's audio keeps time from the moment it connected, as Asterisk's does: its tenth 20 ms message
        // leaves 180 ms after that, so at least 180 ms after dialling began
        long before = System.nanoTime();
        try (SimulatedCall call = SimulatedCall.to("127.0.0.1", port).sampleRate(16000).dial()) {
            call.playSilence(Duration.ofMillis(200));
            long took = System.nanoTime() - before;
            assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(180), "200 ms of audio took " + took / 1e6 + " ms");
            call.hangup();
            Event hangup = events.awaitHangup(call.uuid().toString(), 5, TimeUnit.SECONDS);
            assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
            List<Event> audio = events.ofType(call.uuid().toString(), "AUDIO");
            assertEquals(10, audio.size());
            assertTrue(audio.stream().allMatch(e -> e.bytes().length == 640
                                                    && Integer.valueOf(16000).equals(e.header(AudioSocketConstants.SAMPLE_RATE))));
        }
    }

    @Test
    void wavFilesPlayAtTheirOwnRate(@TempDir Path dir) throws Exception {
        byte[] pcm = SimulatedCall.tone(1000, 48000, Duration.ofMillis(60));
        Path wav = Files.write(dir.resolve("prompt.wav"), Wav.wrap(pcm, 48000));
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.playWav(wav);
            call.hangup();
            events.awaitHangup(call.uuid().toString(), 5, TimeUnit.SECONDS);
            List<Event> audio = events.ofType(call.uuid().toString(), "AUDIO");
            assertEquals(List.of(48000, 48000, 48000), audio.stream()
                    .map(e -> (Integer) e.header(AudioSocketConstants.SAMPLE_RATE)).toList());
            assertArrayEquals(pcm, events.audio(call.uuid().toString()));
        }
    }

    @Test
    void receivedMessagesCarryTheirArrivalTime() throws Exception {
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            List<ReceivedMessage> greeting = call.awaitReceived(5, Duration.ofSeconds(5));
            assertEquals(5, greeting.size());
            // played in real time: 5 frames of 20 ms span 80 ms between the first and the last
            Duration span = greeting.get(4).at().minus(greeting.get(0).at());
            assertTrue(span.toMillis() >= 70, "greeting frames arrived over " + span.toMillis() + " ms");
            assertTrue(greeting.stream().allMatch(m -> m.isAudio() && m.sampleRate() == 8000 && m.audioMillis() == 20));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void dialingAServerThatClosesAtOnceStillSendsTheUuidAndSeesTheClose() throws Exception {
        // as the component's server does with a call over maxConcurrentCalls: accepted, then closed at once. The
        // call's reader sees the close while dial() is writing the UUID; it must not close the socket under it
        try (ServerSocket refusing = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!refusing.isClosed()) {
                    try (Socket accepted = refusing.accept()) {
                        // closed at once
                    } catch (java.io.IOException stopped) {
                        return;
                    }
                }
            });
            acceptor.start();
            for (int i = 0; i < 200; i++) {
                try (SimulatedCall call = SimulatedCall.dial(refusing.getLocalPort())) {
                    assertTrue(call.awaitClosed(Duration.ofSeconds(2)), "call " + i + " sees the server close");
                }
            }
        }
    }
}
