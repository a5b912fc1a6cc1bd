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

    /** Equal to another audio frame of the same kind with the same payload: 0x10 and 0x12 differ on the wire. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AudioFrame other && kind == other.kind && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + super.hashCode();
    }

    @Override
    public String toString() {
        // no content() here: a released frame (every frame the encoder has written) must still describe itself
        return "AudioFrame[" + kind + ", " + (refCnt() > 0 ? payloadLength() + " bytes" : "released") + "]";
    }
}
