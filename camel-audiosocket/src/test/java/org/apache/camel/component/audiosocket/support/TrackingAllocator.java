package org.apache.camel.component.audiosocket.support;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * An unpooled allocator that remembers every buffer it hands out, so that a test can check a handler released all
 * the buffers it allocated (its cumulation buffers, for a decoder). Heap buffers only, also when direct ones are
 * asked for: what matters here is the reference count, not where the bytes live.
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> allocated = new ArrayList<>();

    public TrackingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf buf = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        allocated.add(buf);
        return buf;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** How many buffers were allocated. */
    public int allocations() {
        return allocated.size();
    }

    /** How many of them are still referenced (not released to zero). */
    public long unreleased() {
        return allocated.stream().filter(b -> b.refCnt() > 0).count();
    }
}
