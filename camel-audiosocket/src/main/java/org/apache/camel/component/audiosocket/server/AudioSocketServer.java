package org.apache.camel.component.audiosocket.server;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.AudioSocketConfiguration;
import org.apache.camel.component.audiosocket.metrics.AudioSocketMetrics;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameEncoder;
import org.apache.camel.component.audiosocket.session.CallChannelHandler;
import org.apache.camel.component.audiosocket.session.CallEventSink;
import org.apache.camel.component.audiosocket.session.CallRegistry;
import org.apache.camel.component.audiosocket.session.CallRegistry.RefusalReason;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.session.CallSettings;
import org.apache.camel.component.audiosocket.transport.EventLoops;
import org.apache.camel.component.netty.NettyServerBootstrapConfiguration;
import org.apache.camel.component.netty.SingleTCPNettyServerBootstrapFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server Asterisk dials: one per consumer endpoint. Binding, event loop pools, native transport and the socket
 * options come from camel-netty's {@link SingleTCPNettyServerBootstrapFactory}; this class adds the AudioSocket
 * pipeline and keeps the live calls, by UUID, for the producer to find.
 */
public final class AudioSocketServer extends CallRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketServer.class);
    private static final int NETTY_SHUTDOWN_WAIT_MILLIS = 100;

    private final CamelContext camelContext;
    private final AudioSocketConfiguration configuration;
    private final CallSettings settings;
    private final CallEventSink sink;
    private final Executor executor;
    private ChannelGroup channels;
    private SingleTCPNettyServerBootstrapFactory bootstrap;
    private EventLoopGroup ownWorkers;
    private SSLContext sslContext;
    private volatile boolean stopping;
    private final ClientAllowlist allowlist;
    private AutoCloseable metrics;

    /**
     * @param executor the pool that runs the routes of all calls, or null to run each call's routes on its event loop
     */
    public AudioSocketServer(CamelContext camelContext, AudioSocketConfiguration configuration, CallSettings settings,
                             CallEventSink sink, Executor executor) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.settings = settings;
        this.sink = sink;
        this.executor = executor;
        this.allowlist = ClientAllowlist.parse(configuration.getAllowedClients());
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
        if (configuration.getWorkerGroup() == null) {
            ownWorkers = EventLoops.create(camelContext, "AudioSocket " + configuration.getHost() + ":"
                                                         + configuration.getPort() + " event loop",
                    configuration.getWorkerCount(), configuration.isNativeTransport());
        }
        bootstrap = new SingleTCPNettyServerBootstrapFactory();
        bootstrap.init(camelContext, nettyConfiguration(), new CallChannelInitializer());
        try {
            bootstrap.start();
        } catch (Exception e) {
            // e.g. the port is taken: the event loops started for nothing must not outlive the failed start
            shutdownOwnWorkers();
            bootstrap = null;
            throw e;
        }
        metrics = AudioSocketMetrics.bind(camelContext, this, "server",
                configuration.getHost() + ":" + configuration.getPort());
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
        long unfinished = endAllCalls(configuration.getShutdownTimeout());
        if (unfinished > 0) {
            LOG.warn("AudioSocket server {}:{} stopped with {} call(s) whose last events had not reached the route"
                     + " within shutdownTimeout ({} ms); they go on to the route while its thread pool runs",
                    configuration.getHost(), configuration.getPort(), unfinished, configuration.getShutdownTimeout());
        }
        bootstrap.stop();
        bootstrap = null;
        shutdownOwnWorkers();
        metrics.close();
    }

    private void shutdownOwnWorkers() {
        if (ownWorkers != null) {
            ownWorkers.shutdownGracefully(0, NETTY_SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            ownWorkers = null;
        }
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
        netty.setBossGroup(configuration.getBossGroup());
        netty.setWorkerGroup(ownWorkers != null ? ownWorkers : configuration.getWorkerGroup());
        netty.setChannelGroup(channels);
        // our own doStop has already ended the calls and waited for their routes: like camel-netty, do not wait long
        // for Netty's pools, which finish their quiet period in the background
        netty.setShutdownTimeout(NETTY_SHUTDOWN_WAIT_MILLIS);
        return netty;
    }

    // ---- the calls' side

    /**
     * The call of a new connection, or null when the connection is refused: closed at once, counted and logged, when its
     * address is not allowed or the server holds maxConcurrentCalls connections already.
     */
    private CallSession accept(Channel channel) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        if (!allowlist.allows(remote.getAddress())) {
            refuse(channel, RefusalReason.NOT_ALLOWED, "its address is not in allowedClients (" + allowlist + ")");
            return null;
        }
        CallSession call = CallSession.accepted(channel, settings, this);
        if (!registerWithin(call, configuration.getMaxConcurrentCalls())) {
            refuse(channel, RefusalReason.CALL_LIMIT,
                    "maxConcurrentCalls (" + configuration.getMaxConcurrentCalls() + ") connections are open");
            return null;
        }
        channels.add(channel);
        if (stopping) {
            channel.eventLoop().execute(call::onShutdown);
        }
        return call;
    }

    private void refuse(Channel channel, RefusalReason reason, String why) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        refused(reason);
        LOG.warn("AudioSocket connection from {}:{} refused: {}", remote.getHostString(), remote.getPort(), why);
        channel.close();
    }

    @Override
    public Executor executorFor(CallSession call) {
        return executor != null ? executor : call.channel().eventLoop();
    }

    @Override
    public CallEventSink sink() {
        return sink;
    }

    /** Builds each accepted connection's pipeline. */
    private final class CallChannelInitializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            CallSession call = accept(channel);
            if (call == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (sslContext != null) {
                SSLEngine engine = sslContext.createSSLEngine();
                engine.setUseClientMode(false);
                pipeline.addLast("ssl", new SslHandler(engine));
            }
            if (configuration.getKeepAliveInterval() > 0 || configuration.getIdleTimeout() > 0) {
                // reader idle: the idle timeout; writer idle: the keep-alive's silence
                pipeline.addLast("idle", new IdleStateHandler(configuration.getIdleTimeout(),
                        configuration.getKeepAliveInterval(), 0, TimeUnit.MILLISECONDS));
            }
            pipeline.addLast("decoder", new AudioSocketFrameDecoder(configuration.getMaxFrameSize(), true,
                    settings.codec().bytesPerSample()).audioAsBuffers());
            pipeline.addLast("encoder", AudioSocketFrameEncoder.INSTANCE);
            pipeline.addLast("call", new CallChannelHandler(call, AudioSocketServer.this));
        }
    }
}
