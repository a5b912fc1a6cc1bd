package org.apache.camel.component.audiosocket.protocol;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link AudioSocketKind} carries the protocol's table: the code of every kind, the rate of the nine audio
 * kinds and their 20 ms payload sizes, and that unknown codes and rates are refused.
 */
class AudioSocketKindTest {

    @ParameterizedTest(name = "{0} is 0x{1}")
    @CsvSource({
            "HANGUP, 00", "UUID, 01", "LEGACY, 02", "DTMF, 03", "SLIN_8000, 10", "SLIN_12000, 11", "SLIN_16000, 12",
            "SLIN_24000, 13", "SLIN_32000, 14", "SLIN_44100, 15", "SLIN_48000, 16", "SLIN_96000, 17",
            "SLIN_192000, 18", "ERROR, ff" })
    void everyKindHasItsCodeAndIsFoundByIt(AudioSocketKind kind, String hexCode) {
        int code = Integer.parseInt(hexCode, 16);
        assertEquals(code, kind.code());
        assertSame(kind, AudioSocketKind.fromCode(code));
    }

    @ParameterizedTest(name = "{0}: {1} Hz, {2} bytes per 20 ms")
    @CsvSource({
            "SLIN_8000, 8000, 320", "SLIN_12000, 12000, 480", "SLIN_16000, 16000, 640", "SLIN_24000, 24000, 960",
            "SLIN_32000, 32000, 1280", "SLIN_44100, 44100, 1764", "SLIN_48000, 48000, 1920",
            "SLIN_96000, 96000, 3840", "SLIN_192000, 192000, 7680" })
    void audioKindsCarryTheirRate(AudioSocketKind kind, int rate, int bytesPer20Millis) {
        assertTrue(kind.isAudio());
        assertEquals(rate, kind.sampleRate());
        assertEquals(bytesPer20Millis, kind.bytesPer20Millis());
        assertSame(kind, AudioSocketKind.forSampleRate(rate));
        assertTrue(AudioSocketKind.isSupportedRate(rate));
    }

    @ParameterizedTest
    @ValueSource(strings = { "HANGUP", "UUID", "LEGACY", "DTMF", "ERROR" })
    void otherKindsAreNotAudio(AudioSocketKind kind) {
        assertFalse(kind.isAudio());
        assertEquals(0, kind.sampleRate());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x04, 0x0f, 0x19, 0x42, 0x47, 0x80, 0xfe, -1, 256 })
    void unknownCodesGiveNull(int code) {
        assertNull(AudioSocketKind.fromCode(code));
    }

    @Test
    void theFourteenKnownCodesAreTheOnlyOnes() {
        Set<Integer> known = Set.of(0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0xff);
        assertEquals(known.size(), AudioSocketKind.values().length);
        for (int code = 0; code < 256; code++) {
            assertEquals(known.contains(code), AudioSocketKind.fromCode(code) != null, String.format("0x%02x", code));
        }
    }

    @Test
    void forSampleRateRejects22050ListingTheRates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioSocketKind.forSampleRate(22050));
        assertTrue(e.getMessage().contains("22050"), e.getMessage());
        assertTrue(e.getMessage().contains("8000, 12000, 16000, 24000, 32000, 44100, 48000, 96000, 192000"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -8000, 11025, 22050, 64000 })
    void unsupportedRatesAreRefused(int rate) {
        assertFalse(AudioSocketKind.isSupportedRate(rate));
        assertThrows(IllegalArgumentException.class, () -> AudioSocketKind.forSampleRate(rate));
    }

    @Test
    void supportedRatesAreListedAscending() {
        assertEquals("8000, 12000, 16000, 24000, 32000, 44100, 48000, 96000, 192000", AudioSocketKind.SUPPORTED_RATES);
    }

    @Test
    void toStringShowsNameAndCode() {
        assertEquals("SLIN_16000(0x12)", AudioSocketKind.SLIN_16000.toString());
        assertEquals("ERROR(0xff)", AudioSocketKind.ERROR.toString());
    }
}
