package org.apache.camel.audiosocket.examples.voicebot;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.audiosocket.examples.voicebot.SpeechServiceStandIn.Answer;
import org.apache.camel.audiosocket.examples.voicebot.SpeechServiceStandIn.Request;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The voice bot application against a real HTTP server standing in for the speech service, driven by simulated calls:
 * what the caller says reaches the service byte for byte, its answer is played into the call byte for byte, a key
 * interrupts the answer, and errors and timeouts of the service cost the caller nothing but two beeps.
 */
class VoiceBotTest {

    private static final int RATE = 8000;
    private static final int SILENCE_MS = 500;
    private static final int TIMEOUT_MS = 1000;
    private static final int MAX_UTTERANCE_MS = 2000;

    private final int port = FreePorts.next();
    private SpeechServiceStandIn speech;
    private Main bot;

    @BeforeEach
    void start() throws Exception {
        speech = new SpeechServiceStandIn();
        bot = VoiceBotApplication.newMain();
        bot.addOverrideProperty("bot.host", "127.0.0.1");
        bot.addOverrideProperty("bot.port", String.valueOf(port));
        bot.addOverrideProperty("bot.silence-ms", String.valueOf(SILENCE_MS));
        bot.addOverrideProperty("bot.max-utterance-ms", String.valueOf(MAX_UTTERANCE_MS));
        bot.addOverrideProperty("speech.url", speech.url());
        bot.addOverrideProperty("speech.timeout-ms", String.valueOf(TIMEOUT_MS));
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.stop();
        speech.close();
    }

    @Test
    void anUtteranceEndedByHashIsPostedAndTheAnswerIsPlayedIntoTheCall() throws Exception {
        byte[] answer = audio(1, 1000);
        speech.answer(Answer.wav(Wav.wrap(answer, RATE)));
        byte[] said = audio(2, 1000);
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.playSilence(Duration.ofMillis(200)); // quiet before speaking: not part of the utterance
            call.play(said).sendDtmf("#");

            byte[] heard = call.awaitAudio(Duration.ofMillis(1000), Duration.ofSeconds(10));
            assertArrayEquals(answer, heard, "the caller heard the service's answer, exactly");

            assertEquals(1, speech.requests().size());
            Request request = speech.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("audio/wav", request.contentType());
            assertEquals(call.uuid().toString(), request.header("AudioSocketUuid"));
            assertEquals("8000", request.header("AudioSocketSampleRate"));
            PcmAudio utterance = Wav.read(request.body());
            assertEquals(RATE, utterance.sampleRate());
            assertArrayEquals(said, utterance.samples(), "the service got the utterance, exactly");
        }
    }

    @Test
    void silenceEndsAnUtterance() throws Exception {
        byte[] answer = audio(3, 400);
        speech.answer(Answer.wav(Wav.wrap(answer, RATE)));
        byte[] said = audio(4, 600);
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.play(said).playSilence(Duration.ofMillis(SILENCE_MS + 500));
            assertArrayEquals(answer, call.awaitAudio(Duration.ofMillis(400), Duration.ofSeconds(10)));
        }
        // the speech and the quiet that ended it, no more
        byte[] expected = Arrays.copyOf(said, said.length + SILENCE_MS * RATE / 1000 * 2);
        assertArrayEquals(expected, Wav.read(speech.requests().get(0).body()).samples());
    }

    @Test
    void aCallerWhoIsNeverQuietIsCutAtTheLongestUtterance() throws Exception {
        byte[] answer = audio(11, 200);
        speech.answer(Answer.wav(Wav.wrap(answer, RATE)));
        byte[] said = audio(12, MAX_UTTERANCE_MS + 600);
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.play(said);
            assertArrayEquals(answer, call.awaitAudio(Duration.ofMillis(200), Duration.ofSeconds(10)));
        }
        assertArrayEquals(Arrays.copyOf(said, MAX_UTTERANCE_MS * RATE / 1000 * 2),
                Wav.read(speech.requests().get(0).body()).samples(), "the first bot.max-utterance-ms of it, exactly");
    }

    @Test
    void aKeyStopsTheBotTalking() throws Exception {
        byte[] answer = audio(5, 5000);
        speech.answer(Answer.wav(Wav.wrap(answer, RATE)));
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.play(audio(6, 400)).sendDtmf("#");
            call.awaitAudio(Duration.ofMillis(500), Duration.ofSeconds(10));
            call.sendDtmf("1");
            call.pause(Duration.ofMillis(500));
            byte[] heard = call.receivedAudio();
            call.pause(Duration.ofMillis(500));
            assertEquals(heard.length, call.receivedAudio().length, "nothing more after the key");
            assertTrue(heard.length < answer.length / 2, "the answer was cut short: " + heard.length + " bytes");
            assertArrayEquals(Arrays.copyOf(answer, heard.length), heard, "what was heard is the answer's start");
            assertFalse(call.isClosedByServer(), "the call goes on");
        }
    }

    @Test
    void errorsAndTimeoutsOfTheServiceCostTheCallerTwoBeepsAndNothingElse() throws Exception {
        byte[] answer = audio(7, 600);
        speech.answer(Answer.error(500), Answer.late(Wav.wrap(answer, RATE), TIMEOUT_MS + 1000), Answer.wav(
                Wav.wrap(answer, RATE)));
        byte[] sorry = Prompts.sorry().samples();
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.play(audio(8, 400)).sendDtmf("#");
            assertArrayEquals(sorry, call.awaitAudio(Duration.ofMillis(500), Duration.ofSeconds(10)), "error 500");
            call.play(audio(9, 400)).sendDtmf("#");
            assertArrayEquals(concat(sorry, sorry), call.awaitAudio(Duration.ofMillis(1000), Duration.ofSeconds(10)),
                    "timeout");
            call.play(audio(10, 400)).sendDtmf("#");
            assertArrayEquals(concat(sorry, sorry, answer),
                    call.awaitAudio(Duration.ofMillis(1600), Duration.ofSeconds(10)), "then an answer, as usual");
            assertFalse(call.isClosedByServer(), "the call goes on");
        }
        assertEquals(3, speech.requests().size());
    }

    /** Loud random audio: speech, as far as the bot can tell. */
    private static byte[] audio(long seed, int millis) {
        byte[] pcm = new byte[millis * RATE / 1000 * 2];
        new Random(seed).nextBytes(pcm);
        return pcm;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
