package org.apache.camel.audiosocket.examples.recorder;

import java.io.InputStream;

import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The committed greeting is what {@link GreetingGenerator} makes: 1.5 s, 8 kHz, 16-bit mono. */
class GreetingTest {

    @Test
    void committedGreetingIsTheGeneratedChime() throws Exception {
        byte[] wav;
        try (InputStream in = CallRecorderRoutes.class.getResourceAsStream(CallRecorderRoutes.GREETING_RESOURCE)) {
            assertNotNull(in, "greeting.wav is on the classpath");
            wav = in.readAllBytes();
        }
        assertArrayEquals(Wav.wrap(GreetingGenerator.chime(), GreetingGenerator.SAMPLE_RATE), wav,
                "src/main/resources/greeting.wav differs from GreetingGenerator's output: regenerate it (see its javadoc)");
        PcmAudio pcm = Wav.read(wav);
        assertEquals(8000, pcm.sampleRate());
        assertEquals(1500, pcm.durationMillis());
    }
}
