package org.apache.camel.component.audiosocket.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.Riff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.apache.camel.component.audiosocket.support.Riff.chunk;
import static org.apache.camel.component.audiosocket.support.Riff.fmt;
import static org.apache.camel.component.audiosocket.support.Riff.wave;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link Wav} writes the canonical 44-byte header of mono 16-bit PCM byte for byte, reads back what it
 * wrote, reads µ-law, A-law and WAVE_FORMAT_EXTENSIBLE files (decoding G.711), refuses what it cannot play saying why,
 * and fixes the sizes of a file that grew after its header was written.
 */
class WavTest {

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static IllegalArgumentException refused(byte[] file) {
        return assertThrows(IllegalArgumentException.class, () -> Wav.read(file));
    }

    static void assertMentions(Exception e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word + "' missing from: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void headerOfOne20MsFrameAt16kHz() {
        byte[] expected = hex("52494646 a4020000 57415645" // RIFF, 676 = 36 + 640, WAVE
                              + "666d7420 10000000" // "fmt ", 16 bytes
                              + "0100 0100 803e0000 007d0000 0200 1000" // PCM, mono, 16000 Hz, 32000 B/s, align 2, 16 bits
                              + "64617461 80020000"); // "data", 640 bytes
        assertArrayEquals(expected, Wav.header(16000, 640));
        assertEquals(Wav.HEADER_LENGTH, expected.length);
    }

    @ParameterizedTest
    @ValueSource(ints = { 8000, 12000, 44100, 192000 })
    void headerIsTheCanonicalPcmHeaderAtEveryRate(int rate) {
        int length = rate / 50 * 2;
        assertArrayEquals(Arrays.copyOf(wave(chunk("fmt ", fmt(Riff.PCM, 1, rate, 16)), chunk("data", new byte[length])), 44),
                Wav.header(rate, length));
    }

    @Test
    void headerRefusesANegativeLength() {
        assertThrows(IllegalArgumentException.class, () -> Wav.header(8000, -1));
    }

    @ParameterizedTest
    @ValueSource(ints = { 8000, 16000, 44100, 48000 })
    void wrapThenReadGivesBackTheSamePcmAndRate(int rate) {
        byte[] pcm = Frames.pattern(rate, rate / 50 * 2);
        byte[] wav = Wav.wrap(pcm, rate);

        assertEquals(44 + pcm.length, wav.length);
        assertArrayEquals(Wav.header(rate, pcm.length), Arrays.copyOf(wav, 44));
        assertArrayEquals(pcm, Arrays.copyOfRange(wav, 44, wav.length));
        assertTrue(Wav.isWav(wav));

        PcmAudio audio = Wav.read(wav);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(rate, audio.sampleRate());
    }

    @Test
    void readsAUlawFile() {
        byte[] file = wave(chunk("fmt ", Frames.concat(fmt(Riff.ULAW, 1, 8000, 8), Riff.le16(0))),
                chunk("fact", Riff.le32(4)), chunk("data", hex("ff 00 80 7f")));
        PcmAudio audio = Wav.read(file);
        // 0, -32124, 32124, 0 little-endian
        assertArrayEquals(hex("0000 8482 7c7d 0000"), audio.samples());
        assertEquals(8000, audio.sampleRate());
    }

    @Test
    void readsAnAlawFile() {
        byte[] file = wave(chunk("fmt ", Frames.concat(fmt(Riff.ALAW, 1, 8000, 8), Riff.le16(0))),
                chunk("fact", Riff.le32(4)), chunk("data", hex("d5 55 aa 2a")));
        PcmAudio audio = Wav.read(file);
        // 8, -8, 32256, -32256 little-endian
        assertArrayEquals(hex("0800 f8ff 007e 0082"), audio.samples());
        assertEquals(8000, audio.sampleRate());
    }

    @Test
    void readsWaveFormatExtensiblePcm() {
        byte[] pcm = Frames.pattern(11, 1920);
        byte[] file = wave(chunk("fmt ", Riff.fmtExtensible(Riff.PCM, 1, 48000, 16)), chunk("data", pcm));
        PcmAudio audio = Wav.read(file);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(48000, audio.sampleRate());
    }

    @Test
    void readsWaveFormatExtensibleUlaw() {
        byte[] file = wave(chunk("fmt ", Riff.fmtExtensible(Riff.ULAW, 1, 8000, 8)), chunk("data", hex("00 80")));
        assertArrayEquals(hex("8482 7c7d"), Wav.read(file).samples());
    }

    @Test
    void skipsOtherChunksIncludingTheirPadByte() {
        byte[] pcm = Frames.pattern(12, 320);
        byte[] file = wave(chunk("LIST", hex("494e46")), chunk("fmt ", fmt(Riff.PCM, 1, 16000, 16)),
                chunk("junk", new byte[5]), chunk("data", pcm), chunk("id3 ", new byte[7]));
        PcmAudio audio = Wav.read(file);
        assertArrayEquals(pcm, audio.samples());
        assertEquals(16000, audio.sampleRate());
    }

    @Test
    void readsAFileWhoseSizesWereNeverFilledIn() {
        byte[] pcm = Frames.pattern(13, 640);
        byte[] file = Frames.concat(Wav.header(16000, 0), pcm);
        assertArrayEquals(pcm, Wav.read(file).samples());
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void refusesStereo() {
        IllegalArgumentException e = refused(wave(chunk("fmt ", fmt(Riff.PCM, 2, 8000, 16)), chunk("data", new byte[8])));
        assertMentions(e, "2 channels", "mono");
    }

    @Test
    void refuses8BitPcm() {
        IllegalArgumentException e = refused(wave(chunk("fmt ", fmt(Riff.PCM, 1, 8000, 8)), chunk("data", new byte[8])));
        assertMentions(e, "8-bit", "not supported", "16-bit PCM");
    }

    @Test
    void refusesAFormatItCannotDecode() {
        // IEEE float
        IllegalArgumentException e = refused(wave(chunk("fmt ", fmt(3, 1, 8000, 32)), chunk("data", new byte[8])));
        assertMentions(e, "format 3", "not supported");
    }

    @Test
    void refusesAFileWithoutDataChunk() {
        IllegalArgumentException e = refused(wave(chunk("fmt ", fmt(Riff.PCM, 1, 8000, 16)), chunk("LIST", new byte[4])));
        assertMentions(e, "no data chunk");
    }

    @Test
    void refusesDataBeforeFormat() {
        IllegalArgumentException e = refused(wave(chunk("data", new byte[8]), chunk("fmt ", fmt(Riff.PCM, 1, 8000, 16))));
        assertMentions(e, "before any fmt");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "RIFF", "RIFX0000WAVEfmt ", "RIFF0000AVI LIST", "OggS000000000000",
            "ID3 some mp3 file" })
    void refusesWhatIsNotRiffWave(String start) {
        byte[] file = Riff.ascii(start);
        assertFalse(Wav.isWav(file));
        assertMentions(refused(file), "Not a WAV file");
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void finishFixesTheSizesOfAFileThatGrewAfterItsHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("call.wav");
        byte[] first = Frames.pattern(14, 640);
        byte[] second = Frames.pattern(15, 360);
        Files.write(file, Wav.header(16000, 0));
        Files.write(file, first, StandardOpenOption.APPEND);
        Files.write(file, second, StandardOpenOption.APPEND);

        Wav.finish(file);

        byte[] pcm = Frames.concat(first, second);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(Riff.le32(36 + 1000), Arrays.copyOfRange(bytes, 4, 8), "RIFF size");
        assertArrayEquals(Riff.le32(1000), Arrays.copyOfRange(bytes, 40, 44), "data size");
        assertArrayEquals(wave(chunk("fmt ", fmt(Riff.PCM, 1, 16000, 16)), chunk("data", pcm)), bytes, "the whole file");
        assertArrayEquals(pcm, Wav.read(bytes).samples());
    }

    @Test
    void finishOfAFileWithNothingAppendedGivesAnEmptyWav(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.wav");
        Files.write(file, Wav.header(8000, 12345));
        Wav.finish(file);
        assertArrayEquals(Wav.header(8000, 0), Files.readAllBytes(file));
    }

    @Test
    void finishRefusesAFileShorterThanAHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("short.wav");
        Files.write(file, new byte[43]);
        assertThrows(IOException.class, () -> Wav.finish(file));
    }

    @Test
    void wavAudioAndPcmAudioConvertIntoEachOther() {
        byte[] pcm = Frames.pattern(16, 480);
        PcmAudio audio = new PcmAudio(pcm, 12000);
        WavAudio wav = audio.toWav();
        assertArrayEquals(Wav.wrap(pcm, 12000), wav.bytes());
        assertEquals(audio, wav.toPcm());
        assertEquals(20, audio.durationMillis());
    }
}
