package org.apache.camel.component.audiosocket.springboot;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutorService;
import org.apache.camel.component.audiosocket.AudioSocketConfiguration;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stream live call audio from Asterisk's AudioSocket into routes and play audio back into the call.
 *
 * Generated from the component JSON by StarterSourcesTest: do not edit by hand.
 */
@ConfigurationProperties(prefix = "camel.component.audiosocket")
public class AudioSocketComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the audiosocket component. This
     * is enabled by default.
     */
    @SuppressWarnings("unused") // described here; ComponentConfigurationPropertiesCommon holds it
    private Boolean enabled;
    /**
     * Play the Asterisk side instead of the server: the producer dials a call
     * into the AudioSocket server at host:port for each CamelAudioSocketUuid
     * (generated when absent), sends the UUID first and then its audio and
     * DTMF, paced like Asterisk; HANGUP closes the connection, as Asterisk
     * does. A consumer on the same URI receives what the server sends back into
     * each call. For testing AudioSocket servers and routes without a PBX.
     */
    private Boolean clientMode = false;
    /**
     * How the call's audio is encoded: slin (16-bit PCM, Asterisk's default),
     * or ulaw/alaw for calls dialled with c(ulaw) or c(alaw), whose payloads
     * Asterisk still labels as 8 kHz slin. The AUDIO body is left in this codec
     * and labelled by the CamelAudioSocketCodec header; convert it to PcmAudio
     * or WavAudio for PCM. In client mode the played PCM is sent in this codec
     * (8 kHz), as Asterisk sends a c(ulaw) call's audio.
     */
    private AudioCodec codec = AudioCodec.SLIN;
    /**
     * The options every endpoint of this component starts from; an endpoint's
     * URI overrides them one by one. The option is a
     * org.apache.camel.component.audiosocket.AudioSocketConfiguration type.
     */
    private AudioSocketConfiguration configuration;
    /**
     * Milliseconds without any audio sent into a call after which one 20 ms
     * frame of silence is sent. Asterisk's AudioSocket() application ends a
     * call after 2000 ms with nothing in either direction, which a silent
     * caller and a quiet route reach; 1000 keeps such calls up. 0 turns it off.
     */
    private Long keepAliveInterval = 0L;
    /**
     * Milliseconds of audio that may wait to be played into one call. A PLAY
     * that would go over fails with AudioSocketPlaybackQueueFullException
     * instead of growing the queue without bound.
     */
    private Long playbackQueueLimit = 120000L;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler,
     * which mean any exceptions (if possible) occurred while the Camel consumer
     * is trying to pickup incoming messages, or the likes, will now be
     * processed as a message and handled by the routing Error Handler.
     * Important: This is only possible if the 3rd party component allows Camel
     * to be alerted if an exception was thrown. Some components handle this
     * internally only, and therefore bridgeErrorHandler is not possible. In
     * other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default
     * the consumer will use the org.apache.camel.spi.ExceptionHandler to deal
     * with exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Milliseconds of audio per AUDIO exchange. 20 gives one exchange per
     * Asterisk frame; 200 suits Kafka, JMS or HTTP. Chunks count audio, not
     * wall-clock time (a silent caller sends no audio, a DTMF digit leaves a
     * hole), and a shorter chunk is only sent when a DTMF digit, a change of
     * rate or the end of the call cuts it, so that events keep their order and
     * no audio is lost.
     */
    private Integer chunkDuration = 20;
    /**
     * The event types that become exchanges, comma separated (CALL_START,
     * AUDIO, DTMF, HANGUP, ERROR, MARK, LEGACY_FRAME). Default: all of them.
     */
    private String events;
    /**
     * Whether a call ends (the server hangs up, ROUTE_ERROR) when its route
     * fails on one of its exchanges. By default the failure goes to the route's
     * error handler and the call goes on.
     */
    private Boolean hangupOnRouteError = false;
    /**
     * Milliseconds without anything arriving from the peer after which the
     * server hangs up (IDLE_TIMEOUT): for peers that vanished without closing.
     * Off (0) by default, because a silent caller sends nothing at all for as
     * long as it is silent.
     */
    private Long idleTimeout = 0L;
    /**
     * The most connections the server holds at once (calls, and connections
     * that have not sent their UUID yet); one more is closed at once, counted
     * and logged. Protects the server from floods. 0 means no limit.
     */
    private Integer maxConcurrentCalls = 5000;
    /**
     * The largest message payload accepted, in bytes (at most 65535, the
     * protocol's limit). A larger message ends that connection with the
     * FRAME_TOO_LARGE error. Asterisk's largest is 7680 bytes (20 ms at 192
     * kHz).
     */
    private Integer maxFrameSize = 65535;
    /**
     * Milliseconds the server waits for the UUID message after accepting a
     * connection; a connection without one is closed with the UUID_TIMEOUT
     * error. Asterisk sends its UUID within a millisecond.
     */
    private Long uuidTimeout = 5000L;
    /**
     * A thread pool of your own to run the routes of all calls, instead of the
     * pool of up to poolSize threads. The option is a
     * java.util.concurrent.ExecutorService type.
     */
    private ExecutorService executorService;
    /**
     * How many of a call's exchanges may wait for its route before the server
     * stops reading that call's socket (TCP backpressure). Reading resumes when
     * half of them are done. Nothing is dropped: Asterisk keeps sending into
     * its socket buffers.
     */
    private Integer maxPendingExchanges = 50;
    /**
     * The most threads that run the routes of all calls (each call's exchanges
     * still run one at a time, in order). The pool has one thread per core
     * (fewer if poolSize is smaller), all that routes that never block need,
     * and fewer threads take events with fewer thread wake-ups; for each thread
     * a route has held for 10-20 ms (it blocks) it has one more, up to
     * poolSize, until that exchange is done. A route that blocks holds a thread
     * for as long as it blocks: size the pool for the number of calls that may
     * block at once.
     */
    private Integer poolSize = 16;
    /**
     * Milliseconds a call's socket may stay paused by backpressure before a
     * warning is logged and counted. Asterisk's socket buffers hold a few MB (a
     * couple of minutes at 8 kHz, seconds at 192 kHz); when they fill, its
     * stream breaks mid-message and the call goes silent without a hangup. A
     * call that trips this needs a faster route, more pool threads or larger
     * chunks.
     */
    private Long readPauseWarnThreshold = 5000L;
    /**
     * Whether the routes run on a thread pool (poolSize, or executorService).
     * With false, each call's exchanges run on the Netty event loop that reads
     * the call, as camel-netty does with the same option: no hand-over to
     * another thread and back for every event, which saves CPU and context
     * switches with many calls. Only for routes that never block (in-memory
     * work, asynchronous producers such as Kafka's, seda:, the audiosocket
     * producer): an event loop serves hundreds of calls, and a route that
     * blocks it holds up every one of them.
     */
    private Boolean usingExecutorService = true;
    /**
     * Milliseconds client mode waits for a connection to the server, as
     * Asterisk does (2000). A refused or unanswered connection fails the
     * exchange with AudioSocketConnectException.
     */
    private Long connectTimeout = 2000L;
    /**
     * Whether the producer should be started lazy (on the first message). By
     * starting lazy you can use this to allow CamelContext and routes to
     * startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to
     * be lazy then the startup failure can be handled during routing messages
     * via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time
     * and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring
     * options (the option must be marked as autowired) by looking up in the
     * registry to find if there is a single instance of matching type, which
     * then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients,
     * etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Listen backlog of the server socket; 0 leaves the operating system's
     * default.
     */
    private Integer backlog;
    /**
     * Threads of the boss pool that accepts connections, when no bossGroup is
     * given.
     */
    private Integer bossCount = 1;
    /**
     * A Netty event loop group of your own to accept connections, shared with
     * other servers (as with netty:). The option is a
     * io.netty.channel.EventLoopGroup type.
     */
    private EventLoopGroup bossGroup;
    /**
     * SO_KEEPALIVE on every call's connection.
     */
    private Boolean keepAlive = true;
    /**
     * Use the native transport (epoll on Linux, kqueue on BSD/macOS) instead of
     * Java NIO, as camel-netty does. Needs Netty's native library for the
     * platform on the classpath, e.g. io.netty:netty-transport-native-epoll
     * with classifier linux-x86_64.
     */
    private Boolean nativeTransport = false;
    /**
     * Milliseconds of lateness that a call's audio stream may make up. Audio
     * that comes late (less than 200 ms after what was playing ran out) would
     * delay all audio after it, and over a live stream (an echo, a relay, a
     * streaming reply) the hold-ups would add up for the rest of the call.
     * While the stream is behind real time since it began, by up to this much,
     * its next audio goes as soon as it comes, and while audio is waiting, one
     * 20 ms frame more is sent per 20 ms, until it has caught up. The stream
     * never gets ahead of real time since it began, and audio queued ahead of
     * time (a prompt) plays strictly paced, unless it follows a stream that was
     * behind within 200 ms: then up to the lateness still owed of it goes out
     * at twice real time. 0 sends every frame in its 20 ms slot.
     */
    private Long playbackCatchUpLimit = 1000L;
    /**
     * SO_REUSEADDR on the server socket, so that a restarted server binds its
     * port at once.
     */
    private Boolean reuseAddress = true;
    /**
     * Milliseconds the consumer waits, when stopping, for the routes of the
     * calls it ends to take their last exchanges (the final audio chunk and
     * HANGUP).
     */
    private Long shutdownTimeout = 10000L;
    /**
     * TCP_NODELAY on every call's connection: each 20 ms frame leaves at once
     * instead of waiting to be coalesced (as Asterisk sets it on its side).
     */
    private Boolean tcpNoDelay = true;
    /**
     * Event loops (threads) the endpoint starts for socket I/O and pacing when
     * no workerGroup is given; 0 means one per core. Netty's own default is two
     * per core; for calls, fewer loops each pace more calls per wake-up, which
     * costs less CPU.
     */
    private Integer workerCount;
    /**
     * A Netty event loop group of your own for socket I/O and pacing, shared
     * with other servers (as with netty:). Give it threads of Netty's own kind
     * (FastThreadLocalThread, as Netty's DefaultThreadFactory makes), as the
     * endpoint's own event loops are: on plain threads Netty's buffer caches
     * and recycled objects are slower or unused. The option is a
     * io.netty.channel.EventLoopGroup type.
     */
    private EventLoopGroup workerGroup;
    /**
     * Used for enabling or disabling all consumer based health checks from this
     * component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this
     * component. Notice: Camel has by default disabled all producer based
     * health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * The client addresses the server accepts, comma separated: addresses
     * (10.1.2.3, ::1) or CIDR blocks (10.0.0.0/8, fd00::/8). A connection from
     * elsewhere is closed at once, counted and logged. Empty: any.
     */
    private String allowedClients;
    /**
     * TLS on every connection (for AudioSocket tunnelled over TLS), configured
     * with Camel's SSLContextParameters. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the SSLContextParameters configured globally on the CamelContext for
     * every endpoint without its own.
     */
    private Boolean useGlobalSslContextParameters = false;

    public Boolean getClientMode() {
        return clientMode;
    }

    public void setClientMode(Boolean clientMode) {
        this.clientMode = clientMode;
    }

    public AudioCodec getCodec() {
        return codec;
    }

    public void setCodec(AudioCodec codec) {
        this.codec = codec;
    }

    public AudioSocketConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AudioSocketConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Long keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Long getPlaybackQueueLimit() {
        return playbackQueueLimit;
    }

    public void setPlaybackQueueLimit(Long playbackQueueLimit) {
        this.playbackQueueLimit = playbackQueueLimit;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getChunkDuration() {
        return chunkDuration;
    }

    public void setChunkDuration(Integer chunkDuration) {
        this.chunkDuration = chunkDuration;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public Boolean getHangupOnRouteError() {
        return hangupOnRouteError;
    }

    public void setHangupOnRouteError(Boolean hangupOnRouteError) {
        this.hangupOnRouteError = hangupOnRouteError;
    }

    public Long getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public Integer getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(Integer maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public Long getUuidTimeout() {
        return uuidTimeout;
    }

    public void setUuidTimeout(Long uuidTimeout) {
        this.uuidTimeout = uuidTimeout;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    public Integer getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    public void setMaxPendingExchanges(Integer maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        this.poolSize = poolSize;
    }

    public Long getReadPauseWarnThreshold() {
        return readPauseWarnThreshold;
    }

    public void setReadPauseWarnThreshold(Long readPauseWarnThreshold) {
        this.readPauseWarnThreshold = readPauseWarnThreshold;
    }

    public Boolean getUsingExecutorService() {
        return usingExecutorService;
    }

    public void setUsingExecutorService(Boolean usingExecutorService) {
        this.usingExecutorService = usingExecutorService;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getBacklog() {
        return backlog;
    }

    public void setBacklog(Integer backlog) {
        this.backlog = backlog;
    }

    public Integer getBossCount() {
        return bossCount;
    }

    public void setBossCount(Integer bossCount) {
        this.bossCount = bossCount;
    }

    public EventLoopGroup getBossGroup() {
        return bossGroup;
    }

    public void setBossGroup(EventLoopGroup bossGroup) {
        this.bossGroup = bossGroup;
    }

    public Boolean getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Boolean keepAlive) {
        this.keepAlive = keepAlive;
    }

    public Boolean getNativeTransport() {
        return nativeTransport;
    }

    public void setNativeTransport(Boolean nativeTransport) {
        this.nativeTransport = nativeTransport;
    }

    public Long getPlaybackCatchUpLimit() {
        return playbackCatchUpLimit;
    }

    public void setPlaybackCatchUpLimit(Long playbackCatchUpLimit) {
        this.playbackCatchUpLimit = playbackCatchUpLimit;
    }

    public Boolean getReuseAddress() {
        return reuseAddress;
    }

    public void setReuseAddress(Boolean reuseAddress) {
        this.reuseAddress = reuseAddress;
    }

    public Long getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Boolean getTcpNoDelay() {
        return tcpNoDelay;
    }

    public void setTcpNoDelay(Boolean tcpNoDelay) {
        this.tcpNoDelay = tcpNoDelay;
    }

    public Integer getWorkerCount() {
        return workerCount;
    }

    public void setWorkerCount(Integer workerCount) {
        this.workerCount = workerCount;
    }

    public EventLoopGroup getWorkerGroup() {
        return workerGroup;
    }

    public void setWorkerGroup(EventLoopGroup workerGroup) {
        this.workerGroup = workerGroup;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAllowedClients() {
        return allowedClients;
    }

    public void setAllowedClients(String allowedClients) {
        this.allowedClients = allowedClients;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
