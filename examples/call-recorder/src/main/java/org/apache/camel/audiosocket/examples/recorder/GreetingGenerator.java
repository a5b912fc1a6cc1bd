package org.apache.camel.audiosocket.examples.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.component.audiosocket.audio.Wav;

/**
 * Makes {@code src/main/resources/greeting.wav}: a 1.5 s two-tone chime ("ding-dong", E5 then C5) at 8 kHz, 16-bit
 * mono. The output is deterministic ({@link StrictMath}), and {@code GreetingTest} checks that the committed file is
 * exactly what this produces. To regenerate it, from the repository root (exec:java runs in Maven's JVM, whose working
 * directory is where Maven was started):
 *
 * <pre>
 * ./mvnw -q -pl examples/call-recorder compile exec:java \
 *     -Dexec.mainClass=org.apache.camel.audiosocket.examples.recorder.GreetingGenerator \
 *     -Dexec.args=examples/call-recorder/src/main/resources/greeting.wav
 * </pre>
 */
public final class GreetingGenerator {

    static final int SAMPLE_RATE = 8000;
    static final double SECONDS = 1.5;

    private GreetingGenerator() {
    }

    /** The chime as 16-bit little-endian mono PCM at {@link #SAMPLE_RATE}. */
    static byte[] chime() {
        int samples = (int) (SAMPLE_RATE * SECONDS);
        int fadeOut = SAMPLE_RATE / 10; // the last 100 ms go smoothly to silence, so playback ends without a click
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / SAMPLE_RATE;
            double v = bell(t, 0.0, 659.26) + bell(t, 0.5, 523.25);
            if (i >= samples - fadeOut) {
                v *= (double) (samples - 1 - i) / fadeOut;
            }
            int s = (int) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    /** One struck bell note starting at {@code start} seconds: a few harmonics, 10 ms attack, exponential decay. */
    private static double bell(double t, double start, double frequency) {
        double u = t - start;
        if (u < 0) {
            return 0;
        }
        double envelope = Math.min(1, u / 0.010) * StrictMath.exp(-u / 0.35);
        double tone = StrictMath.sin(2 * Math.PI * frequency * u)
                      + 0.30 * StrictMath.sin(2 * Math.PI * 2 * frequency * u)
                      + 0.10 * StrictMath.sin(2 * Math.PI * 3 * frequency * u);
        return 0.30 * envelope * tone;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GreetingGenerator <output.wav>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.write(out, Wav.wrap(chime(), SAMPLE_RATE));
        System.out.println("Wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes)");
    }
}
