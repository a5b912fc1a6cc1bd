package org.apache.camel.component.audiosocket.protocol;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.apache.camel.component.audiosocket.support.FuzzInputs;
import org.apache.camel.component.audiosocket.support.ParanoidLeakDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The decoder against generated input: only its named protocol errors may come out, nothing hangs, and every buffer
 * is released (Netty's leak detector at PARANOID). CI runs 20,000 inputs; the long mode:
 * {@code ./mvnw -pl camel-audiosocket test -Dtest=DecoderFuzzTest -Dfuzz.inputs=1000000}, and {@code -Dfuzz.seed=N}
 * repeats a run.
 */
@ExtendWith(ParanoidLeakDetection.class)
class DecoderFuzzTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void onlyNamedErrorsAndNoLeaks() {
        long seed = FuzzInputs.seed();
        int count = FuzzInputs.count(20_000);
        System.out.println("DecoderFuzzTest: " + count + " inputs, seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        FuzzInputs inputs = new FuzzInputs(seed);
        int[] outcomes = new int[AudioSocketProtocolError.values().length + 1];
        for (int n = 0; n < count; n++) {
            byte[] input = inputs.next();
            int maxPayload = inputs.random().nextBoolean() ? AudioSocketFrame.MAX_PAYLOAD_LENGTH
                    : 16 + inputs.random().nextInt(8000);
            try {
                AudioSocketFrameDecoder decoder = switch (inputs.random().nextInt(3)) {
                    case 0 -> new AudioSocketFrameDecoder(maxPayload, true); // the server's side, 16-bit PCM
                    case 1 -> new AudioSocketFrameDecoder(maxPayload, true, 1); // the server's side, 8-bit G.711
                    default -> AudioSocketFrameDecoder.forServerMessages(maxPayload); // the client's side
                };
                AudioSocketProtocolError error = decode(decoder, input, inputs.cuts(input.length));
                outcomes[error == null ? outcomes.length - 1 : error.ordinal()]++;
            } catch (Throwable t) {
                fail("input " + n + " of seed " + seed + " (" + HexFormat.of().formatHex(input, 0, Math.min(64, input.length))
                     + "...) raised " + t, t);
            }
        }
        StringBuilder summary = new StringBuilder("DecoderFuzzTest outcomes:");
        for (AudioSocketProtocolError error : AudioSocketProtocolError.values()) {
            summary.append(' ').append(error).append('=').append(outcomes[error.ordinal()]);
        }
        System.out.println(summary.append(" none=").append(outcomes[outcomes.length - 1]));
    }

    /** Decodes one input in the given reads; returns the protocol error it ended with, or null. */
    private static AudioSocketProtocolError decode(AudioSocketFrameDecoder decoder, byte[] input, int[] cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<ByteBuf> written = new ArrayList<>();
        AudioSocketProtocolError error = null;
        int from = 0;
        try {
            for (int i = 0; i <= cuts.length && error == null; i++) {
                int to = i < cuts.length ? cuts[i] : input.length;
                if (to == from) {
                    continue; // an empty input: Netty's shared empty buffer, never released by anyone
                }
                ByteBuf read = Unpooled.wrappedBuffer(input, from, to - from);
                written.add(read);
                from = to;
                try {
                    channel.writeInbound(read);
                } catch (AudioSocketProtocolException e) {
                    error = e.error();
                }
                error = drain(channel, error);
            }
            channel.finish();
            error = drain(channel, error);
        } finally {
            channel.finishAndReleaseAll();
        }
        for (int r = 0; r < written.size(); r++) {
            assertEquals(0, written.get(r).refCnt(), "the decoder kept a reference to its input (" + input.length + " bytes in "
                                           + java.util.Arrays.toString(cuts) + ", error " + error
                                           + ", read " + r + " of " + written.size() + ")");
        }
        return error;
    }

    private static AudioSocketProtocolError drain(EmbeddedChannel channel, AudioSocketProtocolError error) {
        for (Object out; (out = channel.readInbound()) != null;) {
            if (out instanceof AudioSocketProtocolException e) {
                error = e.error();
            } else if (!(out instanceof AudioSocketFrame) && !(out instanceof InvalidMessage)) {
                fail("the decoder produced " + out.getClass());
            }
            ReferenceCountUtil.release(out);
        }
        return error;
    }
}
