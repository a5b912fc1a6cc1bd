package org.apache.camel.component.audiosocket.support;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded, reproducible inputs for fuzzing the AudioSocket decoder and server: random bytes, mutated genuine captures,
 * truncated and oversized frames, and every kind with lengths that are wrong for it.
 */
public final class FuzzInputs {

    private static final int[] KINDS = { 0x00, 0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18,
            0xff };
    private final Random random;
    private final List<byte[]> captures;

    public FuzzInputs(long seed) {
        this.random = new Random(seed);
        this.captures = Capture.NAMES.stream().map(name -> Capture.load(name).bytes()).toList();
    }

    /** How many inputs a run makes: -Dfuzz.inputs, else the CI-sized default. */
    public static int count(int ciDefault) {
        return Integer.getInteger("fuzz.inputs", ciDefault);
    }

    /** The seed of a run: -Dfuzz.seed, else a new one (printed by the test, to reproduce a failure). */
    public static long seed() {
        return Long.getLong("fuzz.seed", System.nanoTime());
    }

    public Random random() {
        return random;
    }

    /** The next input, of one of the four families. */
    public byte[] next() {
        return switch (random.nextInt(4)) {
            case 0 -> randomBytes();
            case 1 -> mutatedCapture();
            case 2 -> truncatedOrOversized();
            default -> wrongLengths();
        };
    }

    /**
     * Splits an input into 1 to 8 non-empty reads at random places (an empty read would be Netty's shared empty buffer,
     * which no one releases).
     */
    public int[] cuts(int length) {
        if (length < 2) {
            return new int[0];
        }
        int n = random.nextInt(Math.min(8, length));
        return random.ints(n, 1, length).sorted().distinct().toArray();
    }

    /** A UUID from the seeded generator: a run repeats byte for byte. */
    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(2000)];
        random.nextBytes(b);
        if (random.nextBoolean() && b.length >= 19) {
            System.arraycopy(Frames.uuid(uuid()), 0, b, 0, 19); // past the first check, sometimes
        }
        return b;
    }

    private byte[] mutatedCapture() {
        byte[] capture = captures.get(random.nextInt(captures.size()));
        int length = Math.min(capture.length, 19 + random.nextInt(4000));
        byte[] b = java.util.Arrays.copyOf(capture, length);
        int mutations = 1 + random.nextInt(6);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(3)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                default -> b = java.util.Arrays.copyOf(b, at); // truncated here
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }

    private byte[] truncatedOrOversized() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Frames.uuid(uuid()));
        int frames = random.nextInt(5);
        for (int i = 0; i < frames; i++) {
            out.writeBytes(Frames.frame(0x10, new byte[320]));
        }
        int kind = KINDS[random.nextInt(KINDS.length)];
        int announced = random.nextBoolean() ? random.nextInt(65536) : 320;
        int present = random.nextInt(Math.min(announced, 3000) + 1);
        out.write(kind);
        out.write(announced >> 8);
        out.write(announced);
        out.writeBytes(new byte[present]);
        return out.toByteArray();
    }

    private byte[] wrongLengths() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(10) > 0) {
            out.writeBytes(Frames.uuid(uuid()));
        }
        int frames = 1 + random.nextInt(4);
        for (int i = 0; i < frames; i++) {
            int kind = KINDS[random.nextInt(KINDS.length)];
            int length = switch (kind) {
                case 0x01 -> random.nextInt(21);
                case 0x03 -> random.nextInt(4);
                default -> random.nextInt(700);
            };
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            out.writeBytes(Frames.frame(kind, payload));
        }
        return out.toByteArray();
    }
}
