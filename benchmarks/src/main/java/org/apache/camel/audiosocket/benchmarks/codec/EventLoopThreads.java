package org.apache.camel.audiosocket.benchmarks.codec;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * JMH's benchmark threads made the kind of thread Netty's event loops run on ({@code FastThreadLocalThread}s, from
 * Netty's own thread factory), for {@code -Djmh.executor=CUSTOM}. Netty recycles the objects behind a pooled buffer's
 * slices per thread, and on a plain thread it allocates some of them anew: measured on JMH's own threads, decoding
 * showed 72 bytes per message that a server's event loop never allocates.
 */
public class EventLoopThreads extends ThreadPoolExecutor {

    /** The constructor JMH calls for a custom executor. */
    public EventLoopThreads(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), new DefaultThreadFactory(prefix));
    }
}
