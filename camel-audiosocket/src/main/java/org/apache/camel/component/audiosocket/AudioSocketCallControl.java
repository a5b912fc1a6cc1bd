package org.apache.camel.component.audiosocket;

import java.nio.ByteBuffer;

import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.audio.WavAudio;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.session.CallEvent;
import org.apache.camel.component.audiosocket.session.CallRole;
import org.apache.camel.component.audiosocket.session.CallSession;

/**
 * Carries out what a message asks of a live call (the producer's messages, and the replies of InOut consumer routes):
 * the {@link AudioSocketConstants#COMMAND} header, and for PLAY the body as audio.
 */
final class AudioSocketCallControl {

    private AudioSocketCallControl() {
    }

    static void execute(CallSession call, Message message) throws Exception {
        execute(call, message, null);
    }

    /**
     * Carries out the reply an InOut route left on a call's event. Audio that answers an AUDIO event and lasts no longer
     * than the audio it answers continues the caller's stream (an echo, a filter, a relay): it was due when the caller
     * sent that audio, so a hold-up on the way (a JVM or route warming up, a busy pool) is made up rather than kept as
     * a constant delay for the rest of the call. A longer answer (a prompt, a bot's sentence) is an answer of its own, due when it comes.
     */
    static void reply(CallSession call, Message reply, CallEvent answered) throws Exception {
        execute(call, reply, answered);
    }

    private static void execute(CallSession call, Message message, CallEvent answered) throws Exception {
        AudioSocketCommand command = AudioSocketHeaders.command(message);
        switch (command) {
            case PLAY -> {
                PcmAudio audio = toPcm(message, call.sampleRate());
                if (audio != null && continuesTheCallersStream(audio, answered)) {
                    call.play(audio.samples(), kindFor(audio.sampleRate()), call.sentNanos(answered));
                } else if (audio != null) {
                    call.play(audio.samples(), kindFor(audio.sampleRate()));
                }
                // the Asterisk side presses keys after the audio; a server never sends DTMF (nor looks for the header
                // on every reply)
                if (call.role() == CallRole.CLIENT) {
                    String digits = message.getHeader(AudioSocketConstants.DTMF_DIGIT, String.class);
                    if (digits != null && !digits.isEmpty()) {
                        call.dtmf(digits);
                    }
                }
            }
            case CLEAR -> call.clearPlayback();
            case HANGUP -> call.hangup();
            case MARK -> {
                String mark = message.getHeader(AudioSocketConstants.MARK, String.class);
                if (mark == null || mark.isEmpty()) {
                    throw new IllegalArgumentException(
                            "The MARK command needs the mark's name in header " + AudioSocketConstants.MARK);
                }
                call.mark(mark);
            }
        }
    }

    /**
     * The body as PCM with its rate: a {@link PcmAudio} or {@link WavAudio} as it is, a WAV file in bytes by its header,
     * other bytes as audio in the codec of the {@code CamelAudioSocketCodec} header (default slin) at the rate of the
     * {@code CamelAudioSocketSampleRate} header (default: the call's rate). Null for no body.
     */
    static PcmAudio toPcm(Message message, int callRate) throws AudioSocketInvalidAudioException {
        Object body = message.getBody();
        if (body == null || body instanceof String text && text.isEmpty()) {
            return null;
        }
        if (body instanceof PcmAudio pcm) {
            return pcm;
        }
        try {
            if (body instanceof WavAudio wav) {
                return wav.toPcm();
            }
            byte[] bytes = body instanceof byte[] b ? b : bytesOf(message, body);
            if (Wav.isWav(bytes)) {
                return Wav.read(bytes);
            }
            AudioCodec codec = AudioSocketHeaders.codec(message);
            int rate = message.getHeader(AudioSocketConstants.SAMPLE_RATE, callRate, Integer.class);
            if (codec == AudioCodec.SLIN && bytes.length % 2 != 0) {
                throw new AudioSocketInvalidAudioException(
                        "PCM to play must hold whole 16-bit samples, but the body has an odd length of " + bytes.length
                                                           + " bytes");
            }
            return new PcmAudio(codec.toPcm(bytes), rate);
        } catch (IllegalArgumentException e) {
            throw new AudioSocketInvalidAudioException("Cannot play the body: " + e.getMessage(), e);
        }
    }

    private static boolean continuesTheCallersStream(PcmAudio audio, CallEvent answered) {
        return answered != null && answered.type() == AudioSocketEventType.AUDIO
               && audio.samples().length / 2 * 1_000_000_000L / audio.sampleRate() <= answered.audioNanos();
    }

    private static byte[] bytesOf(Message message, Object body) throws AudioSocketInvalidAudioException {
        if (body instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        try {
            return message.getExchange().getContext().getTypeConverter().mandatoryConvertTo(byte[].class,
                    message.getExchange(), body);
        } catch (NoTypeConversionAvailableException e) {
            throw new AudioSocketInvalidAudioException(
                    "Cannot play a body of type " + body.getClass().getName() + ": it does not convert to bytes", e);
        }
    }

    private static AudioSocketKind kindFor(int sampleRate) throws AudioSocketInvalidAudioException {
        if (!AudioSocketKind.isSupportedRate(sampleRate)) {
            throw new AudioSocketInvalidAudioException("Cannot play audio at " + sampleRate
                                                       + " Hz: AudioSocket carries " + AudioSocketKind.SUPPORTED_RATES
                                                       + " Hz");
        }
        return AudioSocketKind.forSampleRate(sampleRate);
    }
}
