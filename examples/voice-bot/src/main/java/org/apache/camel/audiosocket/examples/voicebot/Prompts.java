package org.apache.camel.audiosocket.examples.voicebot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.camel.component.audiosocket.audio.PcmAudio;

/** What the bot says on its own. */
public final class Prompts {

    private static final int RATE = 8000;

    private Prompts() {
    }

    /** Two falling beeps (8 kHz): the speech service could not answer; the caller may try again. */
    public static PcmAudio sorry() {
        ByteBuffer pcm = ByteBuffer.allocate(RATE * 2 * 500 / 1000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; pcm.hasRemaining(); i++) {
            double seconds = (double) i / RATE;
            double hz = seconds < 0.25 ? 660 : 440;
            boolean gap = (seconds % 0.25) > 0.2;
            pcm.putShort(gap ? 0 : (short) (8000 * Math.sin(2 * Math.PI * hz * seconds)));
        }
        return new PcmAudio(pcm.array(), RATE);
    }
}
