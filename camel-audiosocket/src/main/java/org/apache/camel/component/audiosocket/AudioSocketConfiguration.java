package org.apache.camel.component.audiosocket;

import java.util.concurrent.ExecutorService;

import io.netty.channel.EventLoopGroup;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrame;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of an AudioSocket endpoint, also settable once on the component for all its endpoints.
 */
@UriParams
public class AudioSocketConfiguration implements Cloneable {

    /**
     * The address to bind the server to (consumer, e.g. 0.0.0.0), or of the server whose calls the producer plays
     * into: the same host and port as the consumer.
     */
    @UriPath
    @Metadata(required = true)
    private String host;

    /** The TCP port of the server. */
    @UriPath
    @Metadata(required = true)
    private int port;

    /**
     * Play the Asterisk side instead of the server: the producer dials a call into the AudioSocket server at host:port
     * for each CamelAudioSocketUuid (generated when absent), sends the UUID first and then its audio and DTMF, paced
     * like Asterisk; HANGUP closes the connection, as Asterisk does. A consumer on the same URI receives what the
     * server sends back into each call. For testing AudioSocket servers and routes without a PBX.
     */
    @UriParam(defaultValue = "false")
    private boolean clientMode;

    /**
     * Milliseconds client mode waits for a connection to the server, as Asterisk does (2000). A refused or unanswered
     * connection fails the exchange with AudioSocketConnectException.
     */
    @UriParam(label = "producer", defaultValue = "2000", javaType = "java.time.Duration")
    private long connectTimeout = 2000;

    /**
     * How the call's audio is encoded: slin (16-bit PCM, Asterisk's default), or ulaw/alaw for calls dialled with
     * c(ulaw) or c(alaw), whose payloads Asterisk still labels as 8 kHz slin. The AUDIO body is left in this codec
     * and labelled by the CamelAudioSocketCodec header; convert it to PcmAudio or WavAudio for PCM. In client mode
     * the played PCM is sent in this codec (8 kHz), as Asterisk sends a c(ulaw) call's audio.
     */
    @UriParam(defaultValue = "SLIN")
    private AudioCodec codec = AudioCodec.SLIN;

    /**
     * The event types that become exchanges, comma separated (CALL_START, AUDIO, DTMF, HANGUP, ERROR, MARK,
     * LEGACY_FRAME). Default: all of them.
     */
    @UriParam(label = "consumer")
    private String events;

    /**
     * Milliseconds of audio per AUDIO exchange. 20 gives one exchange per Asterisk frame; 200 suits Kafka, JMS or
     * HTTP. Chunks count audio, not wall-clock time (a silent caller sends no audio, a DTMF digit leaves a hole), and
     * a shorter chunk is only sent when a DTMF digit, a change of rate or the end of the call cuts it, so that events
     * keep their order and no audio is lost.
     */
    @UriParam(label = "consumer", defaultValue = "20")
    private int chunkDuration = 20;

    /**
     * How many of a call's exchanges may wait for its route before the server stops reading that call's socket (TCP
     * backpressure). Reading resumes when half of them are done. Nothing is dropped: Asterisk keeps sending into its
     * socket buffers.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "50")
    private int maxPendingExchanges = 50;

    /**
     * Milliseconds a call's socket may stay paused by backpressure before a warning is logged and counted. Asterisk's
     * socket buffers hold a few MB (a couple of minutes at 8 kHz, seconds at 192 kHz); when they fill, its stream
     * breaks mid-message and the call goes silent without a hangup. A call that trips this needs a faster route, more
     * pool threads or larger chunks.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long readPauseWarnThreshold = 5000;

    /**
     * Milliseconds the server waits for the UUID message after accepting a connection; a connection without one is
     * closed with the UUID_TIMEOUT error. Asterisk sends its UUID within a millisecond.
     */
    @UriParam(label = "consumer", defaultValue = "5000", javaType = "java.time.Duration")
    private long uuidTimeout = 5000;

    /**
     * The most connections the server holds at once (calls, and connections that have not sent their UUID yet); one
     * more is closed at once, counted and logged. Protects the server from floods. 0 means no limit.
     */
    @UriParam(label = "consumer", defaultValue = "5000")
    private int maxConcurrentCalls = 5000;

    /**
     * The client addresses the server accepts, comma separated: addresses (10.1.2.3, ::1) or CIDR blocks
     * (10.0.0.0/8, fd00::/8). A connection from elsewhere is closed at once, counted and logged. Empty: any.
     */
    @UriParam(label = "consumer,security")
    private String allowedClients;

    /**
     * Milliseconds without anything arriving from the peer after which the server hangs up (IDLE_TIMEOUT): for peers
     * that vanished without closing. Off (0) by default, because a silent caller sends nothing at all for as long as
     * it is silent.
     */
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long idleTimeout;

    /**
     * Whether a call ends (the server hangs up, ROUTE_ERROR) when its route fails on one of its exchanges. By default
     * the failure goes to the route's error handler and the call goes on.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean hangupOnRouteError;

    /**
     * The largest message payload accepted, in bytes (at most 65535, the protocol's limit). A larger message ends that
     * connection with the FRAME_TOO_LARGE error. Asterisk's largest is 7680 bytes (20 ms at 192 kHz).
     */
    @UriParam(label = "consumer", defaultValue = "65535")
    private int maxFrameSize = AudioSocketFrame.MAX_PAYLOAD_LENGTH;

    /**
     * The most threads that run the routes of all calls (each call's exchanges still run one at a time, in order). The
     * pool has one thread per core (fewer if poolSize is smaller), all that routes that never block need, and fewer
     * threads take events with fewer thread wake-ups; for each thread a route has held for 10-20 ms (it blocks) it
     * has one more, up to poolSize, until that exchange is done. A route that blocks holds a thread for as long as it
     * blocks: size the pool for the number of calls that may block at once.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "16")
    private int poolSize = 16;

    /** A thread pool of your own to run the routes of all calls, instead of the pool of up to poolSize threads. */
    @UriParam(label = "consumer,advanced")
    private ExecutorService executorService;

    /**
     * Whether the routes run on a thread pool (poolSize, or executorService). With false, each call's exchanges run
     * on the Netty event loop that reads the call, as camel-netty does with the same option: no hand-over to another
     * thread and back for every event, which saves CPU and context switches with many calls. Only for
     * routes that never block (in-memory work, asynchronous producers such as Kafka's, seda:, the audiosocket
     * producer): an event loop serves hundreds of calls, and a route that blocks it holds up every one of them.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean usingExecutorService = true;

    /**
     * Milliseconds without any audio sent into a call after which one 20 ms frame of silence is sent. Asterisk's
     * AudioSocket() application ends a call after 2000 ms with nothing in either direction, which a silent caller
     * and a quiet route reach; 1000 keeps such calls up. 0 turns it off.
     */
    @UriParam(defaultValue = "0", javaType = "java.time.Duration")
    private long keepAliveInterval;

    /**
     * Milliseconds of audio that may wait to be played into one call. A PLAY that would go over fails with
     * AudioSocketPlaybackQueueFullException instead of growing the queue without bound.
     */
    @UriParam(defaultValue = "120000", javaType = "java.time.Duration")
    private long playbackQueueLimit = 120000;

    /**
     * Milliseconds of lateness that a call's audio stream may make up. Audio that comes late (less than 200 ms after
     * what was playing ran out) would delay all audio after it, and over a live stream (an echo, a relay, a streaming
     * reply) the hold-ups would add up for the rest of the call. While the stream is behind real time since it began,
     * by up to this much, its next audio goes as soon as it comes, and while audio is waiting, one 20 ms frame more is
     * sent per 20 ms, until it has caught up. The stream never gets ahead of real time since it began, and audio
     * queued ahead of time (a prompt) plays strictly paced, unless it follows a stream that was behind within 200 ms:
     * then up to the lateness still owed of it goes out at twice real time. 0 sends every frame in its 20 ms slot.
     */
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long playbackCatchUpLimit = 1000;

    /** Listen backlog of the server socket; 0 leaves the operating system's default. */
    @UriParam(label = "advanced")
    private int backlog;

    /** SO_KEEPALIVE on every call's connection. */
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean keepAlive = true;

    /**
     * TCP_NODELAY on every call's connection: each 20 ms frame leaves at once instead of waiting to be coalesced (as
     * Asterisk sets it on its side).
     */
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean tcpNoDelay = true;

    /** SO_REUSEADDR on the server socket, so that a restarted server binds its port at once. */
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean reuseAddress = true;

    /**
     * Use the native transport (epoll on Linux, kqueue on BSD/macOS) instead of Java NIO, as camel-netty does. Needs
     * Netty's native library for the platform on the classpath, e.g. io.netty:netty-transport-native-epoll with
     * classifier linux-x86_64.
     */
    @UriParam(label = "advanced")
    private boolean nativeTransport;

    /** Threads of the boss pool that accepts connections, when no bossGroup is given. */
    @UriParam(label = "advanced", defaultValue = "1")
    private int bossCount = 1;

    /**
     * Event loops (threads) the endpoint starts for socket I/O and pacing when no workerGroup is given; 0 means one per
     * core. Netty's own default is two per core; for calls, fewer loops each pace more calls per wake-up, which costs
     * less CPU.
     */
    @UriParam(label = "advanced")
    private int workerCount;

    /** A Netty event loop group of your own to accept connections, shared with other servers (as with netty:). */
    @UriParam(label = "advanced")
    private EventLoopGroup bossGroup;

    /**
     * A Netty event loop group of your own for socket I/O and pacing, shared with other servers (as with netty:). Give
     * it threads of Netty's own kind (FastThreadLocalThread, as Netty's DefaultThreadFactory makes), as the endpoint's
     * own event loops are: on plain threads Netty's buffer caches and recycled objects are slower or unused.
     */
    @UriParam(label = "advanced")
    private EventLoopGroup workerGroup;

    /**
     * Milliseconds the consumer waits, when stopping, for the routes of the calls it ends to take their last
     * exchanges (the final audio chunk and HANGUP).
     */
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long shutdownTimeout = 10000;

    /** TLS on every connection (for AudioSocket tunnelled over TLS), configured with Camel's SSLContextParameters. */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    public AudioSocketConfiguration copy() {
        try {
            return (AudioSocketConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public boolean isClientMode() {
        return clientMode;
    }

    public void setClientMode(boolean clientMode) {
        this.clientMode = clientMode;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public AudioCodec getCodec() {
        return codec;
    }

    public void setCodec(AudioCodec codec) {
        this.codec = codec;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public int getChunkDuration() {
        return chunkDuration;
    }

    public void setChunkDuration(int chunkDuration) {
        this.chunkDuration = chunkDuration;
    }

    public int getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    public void setMaxPendingExchanges(int maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public long getReadPauseWarnThreshold() {
        return readPauseWarnThreshold;
    }

    public void setReadPauseWarnThreshold(long readPauseWarnThreshold) {
        this.readPauseWarnThreshold = readPauseWarnThreshold;
    }

    public long getUuidTimeout() {
        return uuidTimeout;
    }

    public void setUuidTimeout(long uuidTimeout) {
        this.uuidTimeout = uuidTimeout;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public String getAllowedClients() {
        return allowedClients;
    }

    public void setAllowedClients(String allowedClients) {
        this.allowedClients = allowedClients;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public boolean isHangupOnRouteError() {
        return hangupOnRouteError;
    }

    public void setHangupOnRouteError(boolean hangupOnRouteError) {
        this.hangupOnRouteError = hangupOnRouteError;
    }

    public int getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public boolean isUsingExecutorService() {
        return usingExecutorService;
    }

    public void setUsingExecutorService(boolean usingExecutorService) {
        this.usingExecutorService = usingExecutorService;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    public long getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(long keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public long getPlaybackQueueLimit() {
        return playbackQueueLimit;
    }

    public void setPlaybackQueueLimit(long playbackQueueLimit) {
        this.playbackQueueLimit = playbackQueueLimit;
    }

    public long getPlaybackCatchUpLimit() {
        return playbackCatchUpLimit;
    }

    public void setPlaybackCatchUpLimit(long playbackCatchUpLimit) {
        this.playbackCatchUpLimit = playbackCatchUpLimit;
    }

    public int getBacklog() {
        return backlog;
    }

    public void setBacklog(int backlog) {
        this.backlog = backlog;
    }

    public boolean isKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(boolean keepAlive) {
        this.keepAlive = keepAlive;
    }

    public boolean isTcpNoDelay() {
        return tcpNoDelay;
    }

    public void setTcpNoDelay(boolean tcpNoDelay) {
        this.tcpNoDelay = tcpNoDelay;
    }

    public boolean isReuseAddress() {
        return reuseAddress;
    }

    public void setReuseAddress(boolean reuseAddress) {
        this.reuseAddress = reuseAddress;
    }

    public boolean isNativeTransport() {
        return nativeTransport;
    }

    public void setNativeTransport(boolean nativeTransport) {
        this.nativeTransport = nativeTransport;
    }

    public int getBossCount() {
        return bossCount;
    }

    public void setBossCount(int bossCount) {
        this.bossCount = bossCount;
    }

    public int getWorkerCount() {
        return workerCount;
    }

    public void setWorkerCount(int workerCount) {
        this.workerCount = workerCount;
    }

    public EventLoopGroup getBossGroup() {
        return bossGroup;
    }

    public void setBossGroup(EventLoopGroup bossGroup) {
        this.bossGroup = bossGroup;
    }

    public EventLoopGroup getWorkerGroup() {
        return workerGroup;
    }

    public void setWorkerGroup(EventLoopGroup workerGroup) {
        this.workerGroup = workerGroup;
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
