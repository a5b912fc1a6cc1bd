package org.apache.camel.component.audiosocket.audio;

import org.apache.camel.component.audiosocket.support.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link G711} decodes µ-law and A-law to the values of ITU-T G.711 (as in Sun's reference g711.c, scaled
 * to 16 bits), as little-endian PCM; that encoding a decoded value gives back a code of the same value for all 256
 * codes; and that the genuine {@code c(ulaw)} capture, decoded as µ-law, is the 1004 Hz tone it was made from.
 */
class G711Test {

    static short ulaw(int code) {
        return sample(G711.ulawToPcm(new byte[] { (byte) code }), 0);
    }

    static short alaw(int code) {
        return sample(G711.alawToPcm(new byte[] { (byte) code }), 0);
    }

    static int ulawCode(int sample) {
        return G711.pcmToUlaw(pcm(sample))[0] & 0xff;
    }

    static int alawCode(int sample) {
        return G711.pcmToAlaw(pcm(sample))[0] & 0xff;
    }

    static byte[] pcm(int sample) {
        return new byte[] { (byte) sample, (byte) (sample >> 8) };
    }

    static short sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }

    /** Tone frequency estimated from zero crossings: two per period. */
    static double zeroCrossingHz(byte[] pcm, int sampleRate) {
        int samples = pcm.length / 2;
        int crossings = 0;
        for (int i = 1; i < samples; i++) {
            if ((sample(pcm, i - 1) >= 0) != (sample(pcm, i) >= 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((double) samples / sampleRate);
    }

    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "µ-law 0x{0} is {1}")
    @CsvSource({ "ff, 0", "7f, 0", "fe, 8", "7e, -8", "00, -32124", "01, -31100", "80, 32124", "81, 31100" })
    void ulawDecodesToTheG711Values(String hexCode, int expected) {
        assertEquals(expected, ulaw(Integer.parseInt(hexCode, 16)));
    }

    @ParameterizedTest(name = "A-law 0x{0} is {1}")
    @CsvSource({ "d5, 8", "55, -8", "aa, 32256", "2a, -32256", "00, -5504", "01, -5248", "80, 5504", "81, 5248" })
    void alawDecodesToTheG711Values(String hexCode, int expected) {
        assertEquals(expected, alaw(Integer.parseInt(hexCode, 16)));
    }

    @Test
    void decodedPcmIsLittleEndianTwoBytesPerCode() {
        // -32124 = 0x8284, 32124 = 0x7d7c, 0
        assertArrayEquals(new byte[] { (byte) 0x84, (byte) 0x82, 0x7c, 0x7d, 0x00, 0x00 },
                G711.ulawToPcm(new byte[] { 0x00, (byte) 0x80, (byte) 0xff }));
        // -32256 = 0x8200, 8
        assertArrayEquals(new byte[] { 0x00, (byte) 0x82, 0x08, 0x00 }, G711.alawToPcm(new byte[] { 0x2a, (byte) 0xd5 }));
    }

    @ParameterizedTest(name = "{0} encodes to µ-law 0x{1} and A-law 0x{2}")
    @CsvSource({ "0, ff, d5", "32767, 80, aa", "-32768, 00, 2a", "8, fe, d5", "-8, 7e, 55", "16, fd, d4", "-16, 7d, 55",
            "-17, 7d, 54" })
    void encodingKnownSamples(int sample, String ulawHex, String alawHex) {
        assertEquals(Integer.parseInt(ulawHex, 16), ulawCode(sample));
        assertEquals(Integer.parseInt(alawHex, 16), alawCode(sample));
    }

    @Test
    void everyUlawCodeSurvivesEncodeOfDecode() {
        for (int code = 0; code < 256; code++) {
            short value = ulaw(code);
            int again = ulawCode(value);
            assertEquals(value, ulaw(again), String.format("µ-law 0x%02x", code));
            // each code comes back as itself, but for the "negative zero" 0x7f, which is 0 like 0xff
            assertEquals(code == 0x7f ? 0xff : code, again, String.format("µ-law 0x%02x", code));
        }
    }

    @Test
    void everyAlawCodeSurvivesEncodeOfDecode() {
        for (int code = 0; code < 256; code++) {
            short value = alaw(code);
            int again = alawCode(value);
            assertEquals(value, alaw(again), String.format("A-law 0x%02x", code));
            assertEquals(code, again, String.format("A-law 0x%02x", code));
        }
    }

    @Test
    void bothLawsAreSymmetricAroundZero() {
        for (int code = 0; code < 256; code++) {
            assertEquals(-ulaw(code), ulaw(code ^ 0x80), String.format("µ-law 0x%02x", code));
            assertEquals(-alaw(code), alaw(code ^ 0x80), String.format("A-law 0x%02x", code));
        }
    }

    @Test
    void encodingAWholeBufferGivesOneCodePerSample() {
        byte[] pcm = new byte[] { 0, 0, (byte) 0xff, 0x7f, 0x00, (byte) 0x80 }; // 0, 32767, -32768
        assertArrayEquals(new byte[] { (byte) 0xff, (byte) 0x80, 0x00 }, G711.pcmToUlaw(pcm));
        assertArrayEquals(new byte[] { (byte) 0xd5, (byte) 0xaa, 0x2a }, G711.pcmToAlaw(pcm));
    }

    @Test
    void encodingAnOddNumberOfBytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> G711.pcmToUlaw(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> G711.pcmToAlaw(new byte[3]));
    }

    @Test
    void theCodecEnumUsesTheRightLaw() {
        byte[] codes = { 0x00, 0x2a, (byte) 0xd5 };
        assertArrayEquals(G711.ulawToPcm(codes), AudioCodec.ULAW.toPcm(codes));
        assertArrayEquals(G711.alawToPcm(codes), AudioCodec.ALAW.toPcm(codes));
        assertArrayEquals(codes, AudioCodec.SLIN.toPcm(codes));
        byte[] pcm = { 0x10, 0x20, (byte) 0xf0, (byte) 0x80 };
        assertArrayEquals(G711.pcmToUlaw(pcm), AudioCodec.ULAW.fromPcm(pcm));
        assertArrayEquals(G711.pcmToAlaw(pcm), AudioCodec.ALAW.fromPcm(pcm));
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void theEstimatorFindsTheToneInAGenuineSlinCapture() {
        double hz = zeroCrossingHz(Capture.load("app-slin8-dtmf-12star-hash").audio(), 8000);
        assertEquals(1004, hz, 10, "estimate " + hz + " Hz");
    }

    @Test
    void theUlawCaptureDecodedAsUlawIsThe1004HzTone() {
        byte[] ulaw = Capture.load("chan-ulaw-as-kind10").audio();
        assertEquals(16000, ulaw.length);
        byte[] pcm = G711.ulawToPcm(ulaw);
        assertEquals(32000, pcm.length, "one sample per byte: 2.0 s at 8 kHz");
        double hz = zeroCrossingHz(pcm, 8000);
        assertEquals(1004, hz, 10, "estimate " + hz + " Hz");
    }

    @Test
    void theUlawCaptureReadAsSlinIsNotTheTone() {
        byte[] ulaw = Capture.load("chan-ulaw-as-kind10").audio();
        double hz = zeroCrossingHz(ulaw, 8000);
        assertTrue(Math.abs(hz - 1004) > 100, "read as slin it must not look like the tone; estimate " + hz + " Hz");
    }
}
