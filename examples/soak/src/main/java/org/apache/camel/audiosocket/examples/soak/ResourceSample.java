package org.apache.camel.audiosocket.examples.soak;

import java.time.Duration;

/**
 * What the server held at one moment of a soak run.
 *
 * @param elapsed         time since the server started
 * @param activeCalls     calls up
 * @param callsTotal      calls since the start
 * @param heapAfterGc     heap in use right after a full collection, in bytes: what the server really keeps
 * @param threads         live threads
 * @param openFiles       open file descriptors (sockets included), or -1 where the JVM cannot tell
 * @param jdkDirect       direct memory of the JDK's direct buffers, in bytes
 * @param allocatorDirect direct memory Netty's buffer allocator holds (used by buffers or pooled for reuse), in bytes
 */
public record ResourceSample(Duration elapsed, int activeCalls, long callsTotal, long heapAfterGc, int threads,
        long openFiles, long jdkDirect, long allocatorDirect) {

    static final String HEADER = String.format("%9s %9s %11s %14s %8s %8s %12s %16s", "elapsed", "calls up",
            "calls total", "heap after GC", "threads", "files", "JDK direct", "Netty direct");

    /** One line under {@link #HEADER}. */
    public String line() {
        return String.format("%9s %9d %11d %14s %8d %8d %12s %16s", clock(elapsed), activeCalls, callsTotal,
                megabytes(heapAfterGc), threads, openFiles, megabytes(jdkDirect), megabytes(allocatorDirect));
    }

    static String clock(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
