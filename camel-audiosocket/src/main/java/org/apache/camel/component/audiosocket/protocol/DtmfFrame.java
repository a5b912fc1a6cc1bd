package org.apache.camel.component.audiosocket.protocol;

/** Kind {@code 0x03}: one DTMF digit, {@code 0-9 * # A-D}, as one ASCII byte. */
public record DtmfFrame(char digit) implements AudioSocketFrame {

    private static final String DIGITS = "0123456789*#ABCD";

    public DtmfFrame {
        if (!isDigit(digit)) {
            throw new IllegalArgumentException("Not a DTMF digit: '" + digit + "'; use one of " + DIGITS);
        }
    }

    /** True for the sixteen characters a DTMF message may carry. */
    public static boolean isDigit(int c) {
        return c < 128 && DIGITS.indexOf(c) >= 0;
    }

    @Override
    public AudioSocketKind kind() {
        return AudioSocketKind.DTMF;
    }

    @Override
    public int payloadLength() {
        return 1;
    }
}
