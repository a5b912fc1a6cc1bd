package org.apache.camel.component.audiosocket.server;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.AudioSocketConfiguration;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameEncoder;
import org.apache.camel.component.audiosocket.session.CallChannelHandler;
import org.apache.camel.component.audiosocket.session.CallEventSink;
import org.apache.camel.component.audiosocket.session.CallHost;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.session.CallSettings;
import org.apache.camel.component.netty.NettyServerBootstrapConfiguration;
import org.apache.camel.component.netty.SingleTCPNettyServerBootstrapFactory;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server Asterisk dials: one per consumer endpoint. Binding, event loop pools, native transport and the socket
 * options come from camel-netty's {@link SingleTCPNettyServerBootstrapFactory}; this class adds the AudioSocket
 * pipeline and keeps the live calls, by UUID, for the producer to find.
 */
public final class AudioSocketServer extends ServiceSupport implements CallHost {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketServer.class);
    private static final int NETTY_SHUTDOWN_WAIT_MILLIS = 100;

    private final CamelContext camelContext;
    private final AudioSocketConfiguration configuration;
    private final CallSettings settings;
    private final CallEventSink sink;
    private final Executor executor;
    private final Map<UUID, CallSession> callsByUuid = new ConcurrentHashMap<>();
    private final Set<CallSession> connections = ConcurrentHashMap.newKeySet();
    private final LongAdder callsTotal = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder longReadPauses = new LongAdder();
    private ChannelGroup channels;
    private SingleTCPNettyServerBootstrapFactory bootstrap;
    private SSLContext sslContext;
    private volatile boolean stopping;

    public AudioSocketServer(CamelContext camelContext, AudioSocketConfiguration configuration, CallSettings settings,
                             CallEventSink sink, Executor executor) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.settings = settings;
        this.sink = sink;
        this.executor = executor;
    }

    /** The live call with this UUID, or null. */
    public CallSession findCall(UUID uuid) {
        return callsByUuid.get(uuid);
    }

    /** Calls whose UUID has arrived and that have not ended. */
    public int activeCalls() {
        return callsByUuid.size();
    }

    /** Open connections, including those that have not sent their UUID yet. */
    public int openConnections() {
        return connections.size();
    }

    /** Calls begun since the server started. */
    public long callsTotal() {
        return callsTotal.sum();
    }

    /** Connections closed for breaking the protocol. */
    public long protocolErrors() {
        return protocolErrors.sum();
    }

    /** Times a call's reading stayed paused by backpressure longer than readPauseWarnThreshold. */
    public long longReadPauses() {
        return longReadPauses.sum();
    }

    /** The address the server is bound to (with the real port when port 0 was asked for), or null when not bound. */
    public InetSocketAddress localAddress() {
        if (channels == null) {
            return null;
        }
        for (Channel channel : channels) {
            if (channel instanceof ServerChannel && channel.isActive()) {
                return (InetSocketAddress) channel.localAddress();
            }
        }
        return null;
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getSslContextParameters() != null) {
            sslContext = configuration.getSslContextParameters().createSSLContext(camelContext);
        }
        stopping = false;
        channels = new DefaultChannelGroup("audiosocket", ImmediateEventExecutor.INSTANCE);
        bootstrap = new SingleTCPNettyServerBootstrapFactory();
        bootstrap.init(camelContext, nettyConfiguration(), new CallChannelInitializer());
        bootstrap.start();
    }

    /**
     * Stops accepting, ends every live call (each gets its HANGUP with reason SHUTDOWN, after its last audio), and
     * waits up to the shutdown timeout for the routes to take those last events.
     */
    @Override
    protected void doStop() throws Exception {
        if (bootstrap == null) {
            return;
        }
        stopping = true;
        for (Channel channel : channels) {
            if (channel instanceof ServerChannel) {
                channel.close().awaitUninterruptibly();
            }
        }
        // a connection accepted just before the server channel closed may join late: end it as well
        Set<CallSession> ending = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getShutdownTimeout());
        do {
            for (CallSession call : connections) {
                if (ending.add(call)) {
                    call.channel().eventLoop().execute(call::onShutdown);
                }
            }
            if (ending.stream().allMatch(CallSession::isFinished) && connections.isEmpty()) {
                break;
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        long unfinished = ending.stream().filter(c -> !c.isFinished()).count();
        if (unfinished > 0) {
            LOG.warn("AudioSocket server {}:{} stopped with {} call(s) whose last events had not reached the route"
                     + " within shutdownTimeout ({} ms)",
                    configuration.getHost(), configuration.getPort(), unfinished, configuration.getShutdownTimeout());
        }
        bootstrap.stop();
        bootstrap = null;
    }

    private NettyServerBootstrapConfiguration nettyConfiguration() {
        NettyServerBootstrapConfiguration netty = new NettyServerBootstrapConfiguration();
        netty.setHost(configuration.getHost());
        netty.setPort(configuration.getPort());
        netty.setBacklog(configuration.getBacklog());
        netty.setKeepAlive(configuration.isKeepAlive());
        netty.setTcpNoDelay(configuration.isTcpNoDelay());
        netty.setReuseAddress(configuration.isReuseAddress());
        netty.setNativeTransport(configuration.isNativeTransport());
        netty.setBossCount(configuration.getBossCount());
        netty.setWorkerCount(configuration.getWorkerCount());
        netty.setBossGroup(configuration.getBossGroup());
        netty.setWorkerGroup(configuration.getWorkerGroup());
        netty.setChannelGroup(channels);
        // our own doStop has already ended the calls and waited for their routes: like camel-netty, do not wait long
        // for Netty's pools, which finish their quiet period in the background
        netty.setShutdownTimeout(NETTY_SHUTDOWN_WAIT_MILLIS);
        return netty;
    }

    // ---- the calls' side

    private CallSession accept(Channel channel) {
        channels.add(channel);
        CallSession call = CallSession.accepted(channel, settings, this);
        connections.add(call);
        if (stopping) {
            channel.eventLoop().execute(call::onShutdown);
        }
        return call;
    }

    @Override
    public void connectionClosed(CallSession call) {
        connections.remove(call);
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public CallEventSink sink() {
        return sink;
    }

    @Override
    public void callStarted(CallSession call) {
        callsTotal.increment();
        CallSession previous = callsByUuid.put(call.uuid(), call);
        if (previous != null) {
            LOG.warn("AudioSocket call {} connected again from {} while its connection from {} is still up;"
                     + " playback now goes to the new connection",
                    call.uuidText(), call.remoteAddress(), previous.remoteAddress());
        }
    }

    @Override
    public void callEnded(CallSession call) {
        callsByUuid.remove(call.uuid(), call);
    }

    @Override
    public void protocolErrorOccurred(CallSession call) {
        protocolErrors.increment();
    }

    @Override
    public void readPausedTooLong(CallSession call) {
        longReadPauses.increment();
    }

    /** Builds each accepted connection's pipeline. */
    private final class CallChannelInitializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            ChannelPipeline pipeline = channel.pipeline();
            if (sslContext != null) {
                SSLEngine engine = sslContext.createSSLEngine();
                engine.setUseClientMode(false);
                pipeline.addLast("ssl", new SslHandler(engine));
            }
            if (configuration.getKeepAliveInterval() > 0) {
                pipeline.addLast("keepAlive",
                        new IdleStateHandler(0, configuration.getKeepAliveInterval(), 0, TimeUnit.MILLISECONDS));
            }
            pipeline.addLast("decoder", new AudioSocketFrameDecoder(configuration.getMaxFrameSize(), true,
                    settings.codec().bytesPerSample()));
            pipeline.addLast("encoder", AudioSocketFrameEncoder.INSTANCE);
            pipeline.addLast("call", new CallChannelHandler(accept(channel), AudioSocketServer.this));
        }
    }
}
