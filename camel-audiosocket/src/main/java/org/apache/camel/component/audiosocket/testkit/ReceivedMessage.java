package org.apache.camel.component.audiosocket.testkit;

import java.time.Duration;

import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;

/**
 * A message the server sent into a {@link SimulatedCall}, with when it arrived.
 *
 * @param kind    the message kind byte (0x10-0x18 audio, 0x00 hangup, anything else is what the server should not send)
 * @param payload the payload
 * @param at      when it arrived, counted from the moment the call connected
 */
public record ReceivedMessage(int kind, byte[] payload, Duration at) {

    /** True for the nine audio kinds. */
    public boolean isAudio() {
        AudioSocketKind k = AudioSocketKind.fromCode(kind);
        return k != null && k.isAudio();
    }

    /** True for a hangup message. */
    public boolean isHangup() {
        return kind == AudioSocketKind.HANGUP.code();
    }

    /** The sample rate of an audio message, 0 for other kinds. */
    public int sampleRate() {
        AudioSocketKind k = AudioSocketKind.fromCode(kind);
        return k == null ? 0 : k.sampleRate();
    }

    /** Milliseconds of audio this message carries (16-bit samples at its rate); 0 for other kinds. */
    public double audioMillis() {
        int rate = sampleRate();
        return rate == 0 ? 0 : payload.length / 2 * 1000.0 / rate;
    }

    @Override
    public String toString() {
        return String.format("ReceivedMessage[kind=0x%02x, %d bytes, at %.3f ms]", kind, payload.length,
                at.toNanos() / 1e6);
    }
}
