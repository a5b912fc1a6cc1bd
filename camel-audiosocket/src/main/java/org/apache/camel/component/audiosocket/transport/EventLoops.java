package org.apache.camel.component.audiosocket.transport;

import java.util.concurrent.ThreadFactory;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import org.apache.camel.CamelContext;

/**
 * The event loops a server or a client starts for its calls when the endpoint is given no {@code workerGroup}.
 * <p>
 * Their threads are Netty's own kind, {@link FastThreadLocalThread}, named as Camel names its threads. camel-netty's
 * pool builders make plain threads, on which Netty reaches its per-thread state (the buffer allocator's magazines,
 * recycled objects, thread-locals) only through slower fallbacks or not at all; a call costs about 50 reads and 50
 * writes a second on its loop, so that difference is paid thousands of times a second per loop.
 */
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * A group of {@code threads} event loops, or of one per core for 0, epoll or kqueue when {@code nativeTransport},
     * else NIO, matching the channel classes camel-netty and the client choose.
     * <p>
     * One per core, not Netty's two: every call's pacer wakes its loop on a shared 5 ms grid, so a loop with more calls
     * sends more frames per wake-up.
     */
    public static EventLoopGroup create(CamelContext camelContext, String name, int threads, boolean nativeTransport) {
        int loops = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new MultiThreadIoEventLoopGroup(loops, threadFactory(camelContext, name), ioHandler(nativeTransport));
    }

    /** The class of a dialled connection on the event loops {@link #create} makes for {@code nativeTransport}. */
    public static Class<? extends Channel> socketChannelClass(boolean nativeTransport) {
        if (!nativeTransport) {
            return NioSocketChannel.class;
        }
        if (Epoll.isAvailable()) {
            return EpollSocketChannel.class;
        }
        if (KQueue.isAvailable()) {
            return KQueueSocketChannel.class;
        }
        throw noNativeTransport();
    }

    private static ThreadFactory threadFactory(CamelContext camelContext, String name) {
        return task -> {
            String threadName = camelContext != null
                    ? camelContext.getExecutorServiceManager().resolveThreadName(name) : name;
            // not a daemon, as camel-netty's event loops are not: stopping the endpoint ends them
            return new FastThreadLocalThread(task, threadName);
        };
    }

    private static IoHandlerFactory ioHandler(boolean nativeTransport) {
        if (!nativeTransport) {
            return NioIoHandler.newFactory();
        }
        if (Epoll.isAvailable()) {
            return EpollIoHandler.newFactory();
        }
        if (KQueue.isAvailable()) {
            return KQueueIoHandler.newFactory();
        }
        throw noNativeTransport();
    }

    private static IllegalStateException noNativeTransport() {
        return new IllegalStateException("nativeTransport=true, but neither epoll nor kqueue is available: add Netty's"
                                         + " native library for this platform");
    }
}
