package org.apache.camel.audiosocket.examples.soak;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;

/**
 * Takes {@link ResourceSample}s of this JVM and an AudioSocket server in it. Each sample forces a full collection
 * first, so that the heap figure is what survives, not what happens to be garbage at that moment.
 */
public final class ResourceSampler {

    private final AudioSocketServer server;
    private final long startNanos = System.nanoTime();

    public ResourceSampler(AudioSocketServer server) {
        this.server = server;
    }

    public ResourceSample take() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ResourceSample(Duration.ofNanos(System.nanoTime() - startNanos), server.activeCalls(),
                server.callsTotal(), heap, ManagementFactory.getThreadMXBean().getThreadCount(), openFiles(), jdkDirect(),
                allocatorDirect());
    }

    private static long openFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    private static long jdkDirect() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    private static long allocatorDirect() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                ? provider.metric().usedDirectMemory() : -1;
    }
}
