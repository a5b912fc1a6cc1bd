package org.apache.camel.audiosocket.examples.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

/**
 * What the simulator is asked to do, from its command line.
 *
 * @param host           the AudioSocket server's address
 * @param port           its port
 * @param calls          how many calls in all, all up at once once ramped
 * @param ramp           the time over which the calls are started, evenly
 * @param duration       how long each call plays audio before it hangs up
 * @param sampleRate     the rate of the audio sent, one of the nine AudioSocket rates
 * @param codec          slin, or ulaw/alaw (8 kHz, sent as Asterisk sends a c(ulaw) call)
 * @param wav            a WAV file to play (looped to the duration), or null for a tone
 * @param toneHz         the tone's frequency; with --echo-check each call plays its own, toneHz + call number
 * @param dtmf           digits pressed halfway through each call, or null
 * @param echoCheck      whether to verify that what the server sends back is exactly what was sent
 * @param connectTimeout how long to wait for the server to accept a call
 * @param progress       how often to print progress
 * @param churn          with churn: how long to keep {@code calls} calls up, each ending after a random length up to
 *                       {@code duration} and replaced at once by a new one (a soak); null for one call per slot
 * @param pacing         how the server's pacing is judged: the result fails when it is outside these limits
 */
public record SimulatorOptions(
        String host, int port, int calls, Duration ramp, Duration duration, int sampleRate, AudioCodec codec, Path wav,
        double toneHz, String dtmf, boolean echoCheck, Duration connectTimeout, Duration progress, Duration churn,
        PacingLimits pacing) {

    /**
     * The limits the gaps between the audio frames the server sent into the calls must keep for the result to be OK.
     * Asterisk plays what it receives at once, so a server must send one 20 ms frame every 20 ms: Asterisk's own
     * sending measured gap p50 20.0 ms, p99 22.9 ms, p99.9 27.8 ms, max 40.5 ms. The defaults leave room for a busy
     * machine (a correct server measured p99 22-26 ms on a 2-core VM, up to 38 ms with hundreds of calls and the
     * simulator on the same cores), and still fail a server that sends in bursts (p50 far under 20 ms) or unevenly.
     *
     * @param judged    false with --no-pacing-check: the figures are printed, never judged
     * @param minGaps   the fewest gaps that are judged: a p99 of fewer is decided by one or two hold-ups of the machine,
     *                  which hit every call at once
     * @param minGapP50 the least gap p50: under it, the server sends its audio in bursts
     * @param maxGapP50 the most gap p50: over it, the server sends its audio slower than real time
     * @param maxGapP99 the most gap p99: over it, the server's frames arrive too unevenly
     */
    public record PacingLimits(boolean judged, long minGaps, Duration minGapP50, Duration maxGapP50,
            Duration maxGapP99) {

        /** The defaults: judged from 1000 gaps, p50 within 15-25 ms, p99 at most 50 ms. */
        public static final PacingLimits DEFAULT = new PacingLimits(true, 1000, Duration.ofMillis(15),
                Duration.ofMillis(25), Duration.ofMillis(50));
    }

    static final String USAGE = """
            Usage: java -jar call-simulator.jar [options]
              Dials an AudioSocket server the way Asterisk does: N concurrent calls, each playing a tone or a WAV file
              paced in real time, optional DTMF halfway, then a hangup (FIN).

              --host HOST            server address (default 127.0.0.1)
              --port PORT            server port (default 9092)
              --calls N              number of calls (default 10)
              --ramp DURATION        start the calls evenly over this time (default 1s)
              --duration DURATION    audio played per call before hanging up (default 10s)
              --rate HZ              sample rate: 8000 12000 16000 24000 32000 44100 48000 96000 192000 (default 8000)
              --codec CODEC          slin, ulaw or alaw; ulaw/alaw need --rate 8000 (default slin)
              --tone HZ              play a sine tone (default 440)
              --wav FILE             play a mono WAV file (16-bit PCM, µ-law or A-law) instead, looped
              --dtmf DIGITS          press these digits halfway through each call (0-9 * # A-D)
              --echo-check           check that the server echoes each call's audio back byte for byte
              --connect-timeout D    how long a connect may take (default 2s, as Asterisk)
              --progress DURATION    how often to print progress (default 1s)
              --churn DURATION       keep --calls calls up for this long, each lasting a random 1 s to --duration
                                     and replaced by a new call when it ends (a soak run)
              --max-gap-p99 D        the result fails when the server's gap p99 is over this (default 50ms)
              --min-gap-p50 D        ... or its gap p50 under this: bursts, not 20 ms every 20 ms (default 15ms)
              --max-gap-p50 D        ... or its gap p50 over this: slower than real time (default 25ms)
              --min-gaps N           pacing is judged only over at least N gaps (default 1000)
              --no-pacing-check      print the server's pacing, never fail the result for it
              --help                 this text
            Durations: 500ms, 30s, 2m.""";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException with a message for the user when an option is wrong
     */
    public static SimulatorOptions parse(String... args) {
        String host = "127.0.0.1";
        int port = 9092;
        int calls = 10;
        Duration ramp = Duration.ofSeconds(1);
        Duration duration = Duration.ofSeconds(10);
        int rate = 8000;
        AudioCodec codec = AudioCodec.SLIN;
        Path wav = null;
        double tone = 440;
        String dtmf = null;
        boolean echoCheck = false;
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration progress = Duration.ofSeconds(1);
        Duration churn = null;
        PacingLimits defaults = PacingLimits.DEFAULT;
        boolean pacingJudged = defaults.judged();
        long minGaps = defaults.minGaps();
        Duration minGapP50 = defaults.minGapP50();
        Duration maxGapP50 = defaults.maxGapP50();
        Duration maxGapP99 = defaults.maxGapP99();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--echo-check" -> echoCheck = true;
                case "--no-pacing-check" -> pacingJudged = false;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option.startsWith("--")
                                ? option + " needs a value" : "Unknown argument " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--host" -> host = value;
                        case "--port" -> port = integer(option, value, 1, 65535);
                        case "--calls" -> calls = integer(option, value, 1, 100_000);
                        case "--ramp" -> ramp = duration(option, value);
                        case "--duration" -> duration = duration(option, value);
                        case "--rate" -> rate = rate(value);
                        case "--codec" -> codec = codec(value);
                        case "--tone" -> tone = number(option, value);
                        case "--wav" -> wav = wav(value);
                        case "--dtmf" -> dtmf = dtmf(value);
                        case "--connect-timeout" -> connectTimeout = duration(option, value);
                        case "--progress" -> progress = duration(option, value);
                        case "--churn" -> churn = duration(option, value);
                        case "--max-gap-p99" -> maxGapP99 = duration(option, value);
                        case "--min-gap-p50" -> minGapP50 = duration(option, value);
                        case "--max-gap-p50" -> maxGapP50 = duration(option, value);
                        case "--min-gaps" -> minGaps = integer(option, value, 1, Integer.MAX_VALUE);
                        default -> throw new IllegalArgumentException("Unknown option " + option + "\n\n" + USAGE);
                    }
                }
            }
        }
        if (codec != AudioCodec.SLIN && rate != 8000) {
            throw new IllegalArgumentException("--codec " + codec.name().toLowerCase(Locale.ROOT)
                                               + " carries 8000 Hz audio: use --rate 8000");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        if (minGapP50.compareTo(maxGapP50) > 0) {
            throw new IllegalArgumentException("--min-gap-p50 " + minGapP50.toMillis() + "ms is over --max-gap-p50 "
                                               + maxGapP50.toMillis() + "ms");
        }
        PacingLimits pacing = new PacingLimits(pacingJudged, minGaps, minGapP50, maxGapP50, maxGapP99);
        return new SimulatorOptions(host, port, calls, ramp, duration, rate, codec, wav, tone, dtmf, echoCheck,
                connectTimeout, progress.isZero() ? Duration.ofSeconds(1) : progress,
                churn == null || churn.isZero() ? null : churn, pacing);
    }

    static Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 30s or 2m, not '" + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    private static int rate(String value) {
        int rate = integer("--rate", value, 1, 192000);
        if (!AudioSocketKind.isSupportedRate(rate)) {
            throw new IllegalArgumentException("--rate must be one of " + AudioSocketKind.SUPPORTED_RATES + ", not " + rate);
        }
        return rate;
    }

    private static AudioCodec codec(String value) {
        try {
            return AudioCodec.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--codec must be slin, ulaw or alaw, not '" + value + "'");
        }
    }

    private static Path wav(String value) {
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("--wav " + value + ": no such readable file");
        }
        return path;
    }

    private static String dtmf(String value) {
        if (!value.matches("[0-9*#A-Da-d]+")) {
            throw new IllegalArgumentException("--dtmf takes digits 0-9 * # A-D, not '" + value + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
