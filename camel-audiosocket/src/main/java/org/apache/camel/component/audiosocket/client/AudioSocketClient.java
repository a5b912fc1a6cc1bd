package org.apache.camel.component.audiosocket.client;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketConfiguration;
import org.apache.camel.component.audiosocket.AudioSocketConnectException;
import org.apache.camel.component.audiosocket.metrics.AudioSocketMetrics;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameEncoder;
import org.apache.camel.component.audiosocket.session.CallChannelHandler;
import org.apache.camel.component.audiosocket.session.CallEventSink;
import org.apache.camel.component.audiosocket.session.CallRegistry;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.session.CallSettings;
import org.apache.camel.component.audiosocket.transport.EventLoops;

/**
 * The Asterisk side of AudioSocket: dials calls into an AudioSocket server as Asterisk does (connect with a timeout,
 * TCP_NODELAY, the UUID first), plays audio and DTMF into them, and hands what the server sends back to a
 * {@link CallEventSink}. Client mode's producer and consumer share one per endpoint; the call simulator uses one
 * directly.
 */
public final class AudioSocketClient extends CallRegistry {

    private static final AttributeKey<UUID> DIALLED_UUID = AttributeKey.valueOf(AudioSocketClient.class, "uuid");
    private static final CallEventSink DISCARD = (call, event, whenDone) -> whenDone.run();

    /** How long the UUID of an ended call is kept from being dialled again. */
    public static final Duration ENDED_CALL_MEMORY = Duration.ofMinutes(10);
    /** The most ended calls remembered, whatever their age: a bound on the memory at any rate of calls. */
    private static final int ENDED_CALLS_REMEMBERED = 100_000;

    private final CamelContext camelContext;
    private final AudioSocketConfiguration configuration;
    private final CallSettings settings;
    private final Map<UUID, CompletableFuture<CallSession>> dialling = new ConcurrentHashMap<>();
    /** When each call that ended did, oldest first; at most {@link #ENDED_CALLS_REMEMBERED}. */
    private final Map<UUID, Long> endedCalls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > ENDED_CALLS_REMEMBERED;
        }
    };
    private volatile CallEventSink sink = DISCARD;
    private volatile Executor executor = Runnable::run;
    private EventLoopGroup ownGroup;
    private Bootstrap bootstrap;
    private SSLContext sslContext;
    private AutoCloseable metrics;

    /**
     * @param camelContext  for SSL configuration; may be null when no TLS is used
     * @param configuration host, port, connect timeout, socket options, TLS
     * @param settings      what every call is configured with
     */
    public AudioSocketClient(CamelContext camelContext, AudioSocketConfiguration configuration, CallSettings settings) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.settings = settings;
    }

    /**
     * Where what the server sends goes, and the pool that delivers it (null: each call's event loop). Without a sink,
     * it is read and discarded.
     */
    public void attach(CallEventSink sink, Executor executor) {
        this.sink = sink;
        this.executor = executor;
    }

    /** Stops delivering what the server sends (it is read and discarded). */
    public void detach(CallEventSink sink) {
        if (this.sink == sink) {
            this.executor = Runnable::run;
            this.sink = DISCARD;
        }
    }

    /**
     * The live call with this UUID, dialled first if there is none: connects (within the connect timeout) and sends
     * the UUID. Concurrent requests for the same UUID share one connection. A UUID whose call has ended is not dialled
     * again (for {@link #ENDED_CALL_MEMORY} after its end): what is sent to it then is late for that call, and a new
     * call with its UUID would reach a server that has already said goodbye to it.
     *
     * @throws AudioSocketConnectException      when the server cannot be reached
     * @throws AudioSocketCallNotFoundException when the call with this UUID has ended
     */
    public CallSession findOrDial(UUID uuid) throws AudioSocketConnectException, AudioSocketCallNotFoundException {
        CallSession live = findCall(uuid);
        if (live != null) {
            return live;
        }
        if (hasEnded(uuid)) {
            throw new AudioSocketCallNotFoundException("Call " + uuid + " to " + configuration.getHost() + ":"
                                                       + configuration.getPort() + " has ended; a new call needs a"
                                                       + " new UUID");
        }
        CompletableFuture<CallSession> mine = new CompletableFuture<>();
        CompletableFuture<CallSession> theirs = dialling.putIfAbsent(uuid, mine);
        if (theirs != null) {
            return await(theirs, uuid);
        }
        try {
            CallSession call = dial(uuid);
            mine.complete(call);
            return call;
        } catch (AudioSocketConnectException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            dialling.remove(uuid, mine);
        }
    }

    private CallSession dial(UUID uuid) throws AudioSocketConnectException {
        String address = configuration.getHost() + ":" + configuration.getPort();
        ChannelFuture connect = bootstrap.clone().attr(DIALLED_UUID, uuid)
                .connect(new InetSocketAddress(configuration.getHost(), configuration.getPort()));
        if (!connect.awaitUninterruptibly(configuration.getConnectTimeout() + 1000, TimeUnit.MILLISECONDS)) {
            connect.channel().close();
            forget(connect.channel());
            throw new AudioSocketConnectException("Cannot connect to AudioSocket server " + address + ": no answer within "
                                                  + configuration.getConnectTimeout() + " ms", null);
        }
        if (!connect.isSuccess()) {
            forget(connect.channel());
            Throwable cause = connect.cause();
            String why = cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException
                    ? "unknown host " + configuration.getHost() : cause.getMessage();
            throw new AudioSocketConnectException("Cannot connect to AudioSocket server " + address + ": " + why, cause);
        }
        return await(connect.channel().attr(CallSession.KEY).get().started(), uuid);
    }

    /** A connection that never came up has no call to end. */
    private void forget(Channel channel) {
        CallSession call = channel.attr(CallSession.KEY).get();
        if (call != null) {
            forget(call);
        }
    }

    private CallSession await(CompletableFuture<CallSession> call, UUID uuid) throws AudioSocketConnectException {
        try {
            return call.get(configuration.getConnectTimeout() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AudioSocketConnectException connectFailure) {
                throw connectFailure;
            }
            throw new AudioSocketConnectException("Call " + uuid + " could not start: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new AudioSocketConnectException("Call " + uuid + " did not start in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioSocketConnectException("Interrupted while dialling call " + uuid, e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getSslContextParameters() != null) {
            sslContext = configuration.getSslContextParameters().createSSLContext(camelContext);
        }
        EventLoopGroup group = configuration.getWorkerGroup();
        if (group == null) {
            ownGroup = EventLoops.create(camelContext, "AudioSocket client " + configuration.getHost() + ":"
                                                       + configuration.getPort() + " event loop",
                    configuration.getWorkerCount(), configuration.isNativeTransport());
            group = ownGroup;
        }
        bootstrap = new Bootstrap().group(group).channel(EventLoops.socketChannelClass(configuration.isNativeTransport()))
                .option(ChannelOption.TCP_NODELAY, configuration.isTcpNoDelay())
                .option(ChannelOption.SO_KEEPALIVE, configuration.isKeepAlive())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) configuration.getConnectTimeout())
                .handler(new CallChannelInitializer());
        if (camelContext != null) {
            metrics = AudioSocketMetrics.bind(camelContext, this, "client",
                    configuration.getHost() + ":" + configuration.getPort());
        }
    }

    /** Ends every call the way Asterisk does (closing the connection) and waits for their last events. */
    @Override
    protected void doStop() throws Exception {
        endAllCalls(configuration.getShutdownTimeout());
        synchronized (endedCalls) {
            endedCalls.clear();
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, configuration.getShutdownTimeout(), TimeUnit.MILLISECONDS);
            ownGroup = null;
        }
    }

    // ---- the calls' side

    @Override
    public void callEnded(CallSession call) {
        long now = System.nanoTime();
        synchronized (endedCalls) {
            endedCalls.put(call.uuid(), now); // (a UUID ends once: it is never dialled again while remembered)
            Iterator<Long> oldestFirst = endedCalls.values().iterator();
            while (oldestFirst.hasNext() && now - oldestFirst.next() > ENDED_CALL_MEMORY.toNanos()) {
                oldestFirst.remove();
            }
        }
        super.callEnded(call); // (after: a PLAY in between finds the call ended, never neither live nor ended)
    }

    private boolean hasEnded(UUID uuid) {
        synchronized (endedCalls) {
            Long endedAt = endedCalls.get(uuid);
            return endedAt != null && System.nanoTime() - endedAt <= ENDED_CALL_MEMORY.toNanos();
        }
    }

    @Override
    public Executor executorFor(CallSession call) {
        Executor routes = executor;
        return routes != null ? routes : call.channel().eventLoop();
    }

    @Override
    public CallEventSink sink() {
        return sink;
    }

    /** Builds each dialled connection's pipeline: what a server sends is checked as Asterisk checks it. */
    private final class CallChannelInitializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            CallSession call = CallSession.dialled(channel, settings, AudioSocketClient.this,
                    channel.attr(DIALLED_UUID).get());
            register(call);
            ChannelPipeline pipeline = channel.pipeline();
            if (sslContext != null) {
                SSLEngine engine = sslContext.createSSLEngine(configuration.getHost(), configuration.getPort());
                engine.setUseClientMode(true);
                pipeline.addLast("ssl", new SslHandler(engine));
            }
            pipeline.addLast("decoder",
                    AudioSocketFrameDecoder.forServerMessages(configuration.getMaxFrameSize()).audioAsBuffers());
            pipeline.addLast("encoder", AudioSocketFrameEncoder.INSTANCE);
            pipeline.addLast("call", new CallChannelHandler(call, AudioSocketClient.this));
        }
    }
}
