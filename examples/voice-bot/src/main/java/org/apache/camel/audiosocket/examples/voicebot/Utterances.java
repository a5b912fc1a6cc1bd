package org.apache.camel.audiosocket.examples.voicebot;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;

/**
 * Cuts each caller's audio into utterances. An utterance starts with the first audio louder than the silence level
 * and ends with {@code #}, when the caller has been quiet for the silence time (the quiet tail stays in it, as a
 * speech service expects), or when it reaches the longest allowed: a caller on a noisy line who is never quiet must
 * not grow the bot's memory without bound. A call's events arrive one at a time and in order, so each call's state needs no locking.
 */
public class Utterances {

    /** Set to true on the exchange that completes an utterance; its body is then the utterance as a WAV file. */
    public static final String COMPLETE = "VoiceBotUtteranceComplete";

    private final Map<String, Utterance> calls = new ConcurrentHashMap<>();
    private int silenceMillis = 700;
    private int silenceLevel = 500;
    private int maxMillis = 15_000;

    /** How long the caller must be quiet for an utterance to end, in milliseconds. */
    public void setSilenceMillis(int silenceMillis) {
        this.silenceMillis = silenceMillis;
    }

    /** The RMS level (of 32767) under which audio counts as quiet. */
    public void setSilenceLevel(int silenceLevel) {
        this.silenceLevel = silenceLevel;
    }

    /** The longest an utterance may be, in milliseconds: one that reaches it is complete. */
    public void setMaxMillis(int maxMillis) {
        this.maxMillis = maxMillis;
    }

    /** Takes one event of a call; marks the exchange {@link #COMPLETE} when it ends an utterance. */
    public void collect(Exchange exchange) {
        Message message = exchange.getMessage();
        String uuid = message.getHeader(AudioSocketConstants.UUID, String.class);
        switch (message.getHeader(AudioSocketConstants.EVENT_TYPE, "", String.class)) {
            case "AUDIO" -> {
                Utterance utterance = calls.computeIfAbsent(uuid, u -> new Utterance());
                if (utterance.add(message.getBody(PcmAudio.class), silenceLevel) >= silenceMillis
                    || utterance.millis >= maxMillis) {
                    complete(message, calls.remove(uuid));
                }
            }
            case "DTMF" -> {
                Utterance utterance = calls.get(uuid);
                if ("#".equals(message.getHeader(AudioSocketConstants.DTMF_DIGIT)) && utterance != null
                    && utterance.started()) {
                    complete(message, calls.remove(uuid));
                }
            }
            case "HANGUP" -> calls.remove(uuid);
            default -> {
            }
        }
    }

    private static void complete(Message message, Utterance utterance) {
        message.setBody(Wav.wrap(utterance.audio.toByteArray(), utterance.rate));
        // the exchange that ends it may be a DTMF one, which has no rate of its own
        message.setHeader(AudioSocketConstants.SAMPLE_RATE, utterance.rate);
        message.setHeader(COMPLETE, true);
    }

    /** One utterance being said. */
    private static final class Utterance {
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        int rate;
        long millis;
        long quietMillis;

        boolean started() {
            return audio.size() > 0;
        }

        /** Adds a chunk (quiet ones only once speech has started); returns how long the caller has been quiet. */
        long add(PcmAudio chunk, int silenceLevel) {
            boolean quiet = rms(chunk.samples()) < silenceLevel;
            if (quiet && !started()) {
                return 0;
            }
            rate = chunk.sampleRate();
            audio.writeBytes(chunk.samples());
            millis += chunk.durationMillis();
            quietMillis = quiet ? quietMillis + chunk.durationMillis() : 0;
            return quietMillis;
        }

        static double rms(byte[] pcm) {
            double sum = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                sum += (double) sample * sample;
            }
            return pcm.length < 2 ? 0 : Math.sqrt(sum / (pcm.length / 2));
        }
    }
}
