package org.apache.camel.component.audiosocket.protocol;

import java.util.Objects;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * Kinds {@code 0x10}-{@code 0x18}: audio at the rate the kind names.
 * <p>
 * Holds its payload as a reference-counted buffer (on the way in, a slice of the socket's own buffer): whoever
 * receives the frame releases it, as with any Netty message.
 */
public final class AudioFrame extends DefaultByteBufHolder implements AudioSocketFrame {

    private final AudioSocketKind kind;

    public AudioFrame(AudioSocketKind kind, ByteBuf payload) {
        super(payload);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!kind.isAudio()) {
            throw new IllegalArgumentException(kind + " is not an audio kind");
        }
        int length = payload.readableBytes();
        if (length == 0 || length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("Audio payload must be 1 to " + MAX_PAYLOAD_LENGTH + " bytes, not " + length);
        }
    }

    @Override
    public AudioSocketKind kind() {
        return kind;
    }

    public int sampleRate() {
        return kind.sampleRate();
    }

    @Override
    public int payloadLength() {
        return content().readableBytes();
    }

    @Override
    public AudioFrame replace(ByteBuf content) {
        return new AudioFrame(kind, content);
    }

    @Override
    public AudioFrame copy() {
        return (AudioFrame) super.copy();
    }

    @Override
    public AudioFrame duplicate() {
        return (AudioFrame) super.duplicate();
    }

    @Override
    public AudioFrame retainedDuplicate() {
        return (AudioFrame) super.retainedDuplicate();
    }

    @Override
    public AudioFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public AudioFrame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public AudioFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "AudioFrame[" + kind + ", " + payloadLength() + " bytes]";
    }
}
