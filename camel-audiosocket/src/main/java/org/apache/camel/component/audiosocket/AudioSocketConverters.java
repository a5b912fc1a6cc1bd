package org.apache.camel.component.audiosocket;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.audio.WavAudio;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

/**
 * Type converters for audio bodies. An AUDIO exchange's {@code byte[]} body converts to {@link PcmAudio} (µ-law and
 * A-law decoded, by the {@code CamelAudioSocketCodec} header) and to {@link WavAudio}, with the rate of the
 * {@code CamelAudioSocketSampleRate} header; bytes that are a WAV file convert by the file's own header.
 * ({@code byte[]} to {@code InputStream} and {@code ByteBuffer} is Camel's own.)
 */
@Converter(generateLoader = true)
public final class AudioSocketConverters {

    private AudioSocketConverters() {
    }

    @Converter
    public static PcmAudio toPcmAudio(byte[] body, Exchange exchange) {
        if (Wav.isWav(body)) {
            return Wav.read(body);
        }
        AudioCodec codec = AudioCodec.SLIN;
        int rate = AudioSocketKind.DEFAULT_SAMPLE_RATE;
        if (exchange != null) {
            codec = AudioSocketHeaders.codec(exchange.getMessage());
            rate = exchange.getMessage().getHeader(AudioSocketConstants.SAMPLE_RATE, AudioSocketKind.DEFAULT_SAMPLE_RATE, Integer.class);
        }
        return new PcmAudio(codec.toPcm(body), rate);
    }

    @Converter
    public static PcmAudio toPcmAudio(WavAudio wav) {
        return wav.toPcm();
    }

    @Converter
    public static WavAudio toWavAudio(byte[] body, Exchange exchange) {
        return Wav.isWav(body) ? new WavAudio(body) : toPcmAudio(body, exchange).toWav();
    }

    @Converter
    public static WavAudio toWavAudio(PcmAudio pcm) {
        return pcm.toWav();
    }

    @Converter
    public static byte[] toBytes(PcmAudio pcm) {
        return pcm.samples();
    }

    @Converter
    public static byte[] toBytes(WavAudio wav) {
        return wav.bytes();
    }

    @Converter
    public static InputStream toInputStream(PcmAudio pcm) {
        return new ByteArrayInputStream(pcm.samples());
    }

    @Converter
    public static InputStream toInputStream(WavAudio wav) {
        return new ByteArrayInputStream(wav.bytes());
    }
}
