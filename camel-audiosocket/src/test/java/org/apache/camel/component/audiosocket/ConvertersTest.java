package org.apache.camel.component.audiosocket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.WavAudio;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.Riff;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.SimpleTypeConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.apache.camel.component.audiosocket.support.Riff.chunk;
import static org.apache.camel.component.audiosocket.support.Riff.fmt;
import static org.apache.camel.component.audiosocket.support.Riff.wave;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Proves that a real Camel context picks up the generated {@code AudioSocketConvertersLoader} from the classpath and
 * converts audio bodies as documented: {@code byte[]} to {@link PcmAudio} and {@link WavAudio} by the sample-rate and
 * codec headers (or by a WAV file's own header), those types back to {@code byte[]} and {@code InputStream}, and that
 * Camel's own {@code byte[]} to {@code InputStream}/{@code ByteBuffer} conversions keep the bytes intact.
 */
class ConvertersTest {

    /** µ-law codes and the 16-bit little-endian PCM they decode to: 0, -32124, 32124, -8. */
    static final byte[] ULAW = HexFormat.of().parseHex("ff00807e");
    static final byte[] ULAW_AS_PCM = HexFormat.of().parseHex("000084827c7df8ff");
    /** A-law codes and their PCM: 8, -8, 32256, -32256. */
    static final byte[] ALAW = HexFormat.of().parseHex("d555aa2a");
    static final byte[] ALAW_AS_PCM = HexFormat.of().parseHex("0800f8ff007e0082");

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    /** An exchange whose body is {@code body}, with the given rate and codec headers (null: header absent). */
    private Exchange exchange(Object body, Integer sampleRate, String codec) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        if (sampleRate != null) {
            exchange.getMessage().setHeader(AudioSocketConstants.SAMPLE_RATE, sampleRate);
        }
        if (codec != null) {
            exchange.getMessage().setHeader(AudioSocketConstants.CODEC, codec);
        }
        return exchange;
    }

    private static byte[] pcmWav(int rate, byte[] pcm) {
        return wave(chunk("fmt ", fmt(Riff.PCM, 1, rate, 16)), chunk("data", pcm));
    }

    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
            "byte[], PcmAudio", "byte[], WavAudio", "PcmAudio, byte[]", "WavAudio, byte[]", "PcmAudio, InputStream",
            "WavAudio, InputStream", "PcmAudio, WavAudio", "WavAudio, PcmAudio" })
    void theGeneratedLoaderIsPickedUpFromTheClasspath(String from, String to) {
        TypeConverter converter = context.getTypeConverterRegistry().lookup(type(to), type(from));
        assertNotNull(converter, "no converter registered from " + from + " to " + to);
        // registered by the generated loader (not found by some fallback at conversion time)
        assertInstanceOf(SimpleTypeConverter.class, converter);
    }

    private static Class<?> type(String name) {
        return switch (name) {
            case "byte[]" -> byte[].class;
            case "PcmAudio" -> PcmAudio.class;
            case "WavAudio" -> WavAudio.class;
            case "InputStream" -> InputStream.class;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void ulawBytesWithRateAndCodecHeadersBecomeDecodedPcmAudio() {
        PcmAudio audio = exchange(ULAW, 16000, "ULAW").getMessage().getBody(PcmAudio.class);
        assertArrayEquals(ULAW_AS_PCM, audio.samples());
        assertEquals(16000, audio.sampleRate());
    }

    @Test
    void alawBytesAreDecodedAsAlaw() {
        PcmAudio audio = exchange(ALAW, 8000, "ALAW").getMessage().getBody(PcmAudio.class);
        assertArrayEquals(ALAW_AS_PCM, audio.samples());
        assertEquals(8000, audio.sampleRate());
    }

    @Test
    void slinBytesAreTakenAsTheyAre() {
        byte[] pcm = Frames.pattern(1, 640);
        PcmAudio audio = exchange(pcm, 16000, "SLIN").getMessage().getBody(PcmAudio.class);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(16000, audio.sampleRate());
    }

    @Test
    void withoutHeadersBytesAreSlinAt8kHz() {
        byte[] pcm = Frames.pattern(2, 320);
        PcmAudio audio = exchange(pcm, null, null).getMessage().getBody(PcmAudio.class);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(8000, audio.sampleRate());
    }

    @Test
    void ulawBytesWithRateAndCodecHeadersBecomeAWavFileOfThatRate() {
        WavAudio wav = exchange(ULAW, 16000, "ULAW").getMessage().getBody(WavAudio.class);
        byte[] expected = pcmWav(16000, ULAW_AS_PCM);
        byte[] bytes = wav.bytes();
        assertArrayEquals(Arrays.copyOf(expected, 44), Arrays.copyOf(bytes, 44),
                "RIFF header: PCM, mono, 16000 Hz, 32000 B/s, 16 bits, 8 data bytes");
        assertArrayEquals(expected, bytes);
    }

    @Test
    void bytesThatAreAWavFileConvertByTheirOwnHeader() {
        byte[] pcm = Frames.pattern(3, 960);
        byte[] file = pcmWav(24000, pcm);
        // headers that say otherwise do not count: the file knows its own rate and encoding
        Exchange exchange = exchange(file, 16000, "ULAW");

        PcmAudio audio = exchange.getMessage().getBody(PcmAudio.class);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(24000, audio.sampleRate());

        WavAudio wav = exchange.getMessage().getBody(WavAudio.class);
        assertArrayEquals(file, wav.bytes());
    }

    @Test
    void aUlawWavFileIsDecodedByItsOwnHeader() {
        byte[] file = wave(chunk("fmt ", Frames.concat(fmt(Riff.ULAW, 1, 8000, 8), Riff.le16(0))), chunk("data", ULAW));
        Exchange exchange = exchange(file, 48000, "SLIN");
        PcmAudio audio = exchange.getMessage().getBody(PcmAudio.class);
        assertArrayEquals(ULAW_AS_PCM, audio.samples());
        assertEquals(8000, audio.sampleRate());
        // it already is a WAV file: kept as it is, not re-encoded
        assertArrayEquals(file, exchange.getMessage().getBody(WavAudio.class).bytes());
    }

    @Test
    void pcmAudioConvertsToBytesAndInputStream() throws IOException {
        byte[] pcm = Frames.pattern(4, 640);
        TypeConverter tc = context.getTypeConverter();
        PcmAudio audio = new PcmAudio(pcm, 16000);
        assertArrayEquals(pcm, tc.convertTo(byte[].class, audio));
        try (InputStream in = tc.convertTo(InputStream.class, audio)) {
            assertArrayEquals(pcm, in.readAllBytes());
        }
        assertArrayEquals(pcmWav(16000, pcm), tc.convertTo(WavAudio.class, audio).bytes());
    }

    @Test
    void wavAudioConvertsToBytesAndInputStream() throws IOException {
        byte[] pcm = Frames.pattern(5, 320);
        byte[] file = pcmWav(8000, pcm);
        TypeConverter tc = context.getTypeConverter();
        WavAudio wav = new WavAudio(file);
        assertArrayEquals(file, tc.convertTo(byte[].class, wav));
        try (InputStream in = tc.convertTo(InputStream.class, wav)) {
            assertArrayEquals(file, in.readAllBytes());
        }
        assertEquals(new PcmAudio(pcm, 8000), tc.convertTo(PcmAudio.class, wav));
    }

    @Test
    void bytesConvertToInputStreamAndByteBufferWithIdenticalBytes() throws IOException {
        byte[] body = Frames.pattern(6, 1920);
        Exchange exchange = exchange(body.clone(), 48000, "SLIN");
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            assertArrayEquals(body, in.readAllBytes());
        }
        ByteBuffer buffer = exchange.getMessage().getBody(ByteBuffer.class);
        byte[] read = new byte[buffer.remaining()];
        buffer.get(read);
        assertArrayEquals(body, read);
    }
}
