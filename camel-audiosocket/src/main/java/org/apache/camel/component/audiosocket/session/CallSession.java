package org.apache.camel.component.audiosocket.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketHangupReason;
import org.apache.camel.component.audiosocket.AudioSocketInvalidAudioException;
import org.apache.camel.component.audiosocket.AudioSocketPlaybackQueueFullException;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolException;
import org.apache.camel.component.audiosocket.protocol.ErrorFrame;
import org.apache.camel.component.audiosocket.protocol.HangupFrame;
import org.apache.camel.component.audiosocket.protocol.InvalidMessage;
import org.apache.camel.component.audiosocket.protocol.LegacyFrame;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about one call, which is one TCP connection: its UUID, the chunk of audio being filled, the events on
 * their way to the route, the playback queue, and how the call ended. The same session serves both ends: the server
 * Asterisk dialled ({@link CallRole#SERVER}), and the Asterisk side played by client mode ({@link CallRole#CLIENT}).
 * <p>
 * The {@code on...} methods are called by the connection's handler on the channel's event loop, the only thread that
 * changes the call's state. The commands ({@link #play}, {@link #clearPlayback}, {@link #hangup}, {@link #mark},
 * {@link #dtmf}) may be called from any thread.
 */
public final class CallSession implements Playback.Listener {

    /** The session of a channel, set when its pipeline is built. */
    public static final AttributeKey<CallSession> KEY = AttributeKey.valueOf(CallSession.class, "call");

    /**
     * How long a call whose end is decided may hold its connection: the time a server's hangup message has to leave
     * (a peer that has stopped reading never takes it), and the time the read side has to tell why a connection failed.
     * After it the connection is closed all the same.
     */
    public static final long RELEASE_TIMEOUT_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    private final Channel channel;
    private final CallSettings settings;
    private final CallHost host;
    private final CallRole role;
    private final CallEventQueue events;
    private final AudioChunker chunker;
    private final ObjIntConsumer<byte[]> emitAudio = this::emitAudio;
    private final CompletableFuture<CallSession> started = new CompletableFuture<>();
    private volatile String remoteAddress;
    private volatile Playback playback;
    private volatile UUID uuid;
    private volatile String uuidText;
    private volatile int sampleRate = AudioSocketKind.DEFAULT_SAMPLE_RATE;
    private long startNanos;
    private long sequence;
    private ScheduledFuture<?> uuidTimeout;
    private AudioSocketHangupReason endReason;
    private boolean ended;
    private volatile boolean finished;
    private ScheduledFuture<?> readPauseWarning;
    private volatile boolean readPaused;
    private boolean invalidMessageLogged;
    /** Reading or writing failed: the read side is to tell why. */
    private boolean awaitingInputAfterError;
    /** How much of the caller's audio has arrived, in nanoseconds of audio. */
    private long receivedAudioNanos;
    /** When the caller's last audio arrived. */
    private long lastAudioNanos;
    /** When the caller's audio received so far would have begun, had it all come in real time up to its last byte. */
    private volatile long streamOffsetNanos;

    /** The session of a connection a server accepted: the UUID comes from the peer. */
    public static CallSession accepted(Channel channel, CallSettings settings, CallHost host) {
        return new CallSession(channel, settings, host, CallRole.SERVER, null);
    }

    /** The session of a call this end dials as Asterisk would, with the UUID it is to send. */
    public static CallSession dialled(Channel channel, CallSettings settings, CallHost host, UUID uuid) {
        return new CallSession(channel, settings, host, CallRole.CLIENT, uuid);
    }

    private CallSession(Channel channel, CallSettings settings, CallHost host, CallRole role, UUID uuid) {
        this.channel = channel;
        this.settings = settings;
        this.host = host;
        this.role = role;
        this.uuid = uuid;
        this.events = new CallEventQueue(this, host, settings.maxPendingEvents(), this::pauseReading,
                this::drained);
        // a server receives the call's codec; Asterisk only ever takes slin back from a server
        this.chunker = new AudioChunker(settings.chunkMillis(), role == CallRole.SERVER ? settings.codec() : AudioCodec.SLIN);
        channel.attr(KEY).set(this);
        // a failed write must not close the connection before the peer's FIN (if it sent one) has been read, and the
        // end of the input is this session's to act on: see onIoError and onInputClosed
        channel.config().setAutoClose(false);
        channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    }

    /** The call's UUID, or null before it arrived. */
    public UUID uuid() {
        return uuid;
    }

    /** The UUID in canonical lowercase form, or null before the call started. */
    public String uuidText() {
        return uuidText;
    }

    /** The peer's address as host:port. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The rate of the audio the peer sends (8000 until its first audio). */
    public int sampleRate() {
        return sampleRate;
    }

    public CallRole role() {
        return role;
    }

    public Channel channel() {
        return channel;
    }

    /** Completes when the call has started (its UUID arrived, or was sent), fails when it ended before. */
    public CompletableFuture<CallSession> started() {
        return started;
    }

    /**
     * When the caller sent the audio of an AUDIO event, as near as this end can tell: when it arrived, or earlier if
     * audio that came after it arrived faster than real time (it was held up on the way, and came in a burst). The
     * caller sends in real time, so audio that arrived by time T and lasts D after the event's was all sent by T - D.
     * A pause of the caller only makes that bound later, never earlier than the arrival.
     */
    public long sentNanos(CallEvent audio) {
        return audio.streamNanos() + Math.min(audio.receivedNanos() - audio.streamNanos(), streamOffsetNanos);
    }

    /** Milliseconds of audio waiting to be played into the call. */
    public long queuedPlaybackMillis() {
        Playback p = playback;
        return p == null ? 0 : p.queuedMillis();
    }

    /** Audio frames this end has written into the call. */
    public long framesSent() {
        Playback p = playback;
        return p == null ? 0 : p.framesSent();
    }

    /** True while the call's events are queued or running in the route. */
    public boolean hasPendingEvents() {
        return !events.isIdle();
    }

    /** Events waiting for the route. */
    public int pendingEvents() {
        return events.size();
    }

    /** True while the socket is not read because the route is behind. */
    public boolean isReadPaused() {
        return readPaused;
    }

    /** True once the call's end is decided (hung up, closed, broken): nothing more can be played into it. */
    public boolean hasEnded() {
        return isClosing() || !channel.isActive();
    }

    /** True once the connection is closed and the call's last events are queued or delivered. */
    public boolean isFinished() {
        return finished && events.isIdle();
    }

    // ---- commands, from any thread

    /** Queues 16-bit PCM at the rate of {@code kind} for paced playback into the call. */
    public void play(byte[] pcm, AudioSocketKind kind)
            throws AudioSocketCallNotFoundException, AudioSocketPlaybackQueueFullException,
            AudioSocketInvalidAudioException {
        play(pcm, kind, Playback.DUE_WHEN_QUEUED);
    }

    /**
     * Queues 16-bit PCM for paced playback as the continuation of the caller's own stream (an echo, a filter, a relay):
     * it was due when the audio it answers arrived, and how late it comes is made up as a late stream's is.
     *
     * @param dueNanos when the caller sent the audio it answers ({@link #sentNanos}, on {@link System#nanoTime()})
     */
    public void play(byte[] pcm, AudioSocketKind kind, long dueNanos)
            throws AudioSocketCallNotFoundException, AudioSocketPlaybackQueueFullException,
            AudioSocketInvalidAudioException {
        if (role == CallRole.CLIENT && settings.codec().bytesPerSample() == 1 && kind != AudioSocketKind.SLIN_8000) {
            throw new AudioSocketInvalidAudioException("A " + settings.codec() + " call carries 8000 Hz audio, not "
                                                       + kind.sampleRate() + " Hz");
        }
        requirePlayback().play(pcm, kind, dueNanos);
    }

    /** Drops the audio queued for playback (barge-in). */
    public void clearPlayback() throws AudioSocketCallNotFoundException {
        requirePlayback().clear();
    }

    /** Ends the call once the audio queued so far has played. */
    public void hangup() throws AudioSocketCallNotFoundException {
        requirePlayback().hangup();
    }

    /** Reports a MARK event once the audio queued so far has played. */
    public void mark(String name) throws AudioSocketCallNotFoundException {
        requirePlayback().mark(name);
    }

    /**
     * Sends DTMF digits once the audio queued so far has played, one message each, as Asterisk does at the end of a
     * key press. Only the Asterisk side sends DTMF: Asterisk ends a call whose server sends one.
     */
    public void dtmf(String digits) throws AudioSocketCallNotFoundException {
        if (role != CallRole.CLIENT) {
            throw new IllegalStateException("Only client mode sends DTMF: Asterisk ends the call on a DTMF message"
                                            + " from the server");
        }
        requirePlayback().dtmf(digits);
    }

    // ---- connection events, on the event loop

    public void onConnected() {
        remoteAddress = describe(channel.remoteAddress());
        if (role == CallRole.SERVER) {
            uuidTimeout = channel.eventLoop().schedule(
                    () -> onProtocolError(new AudioSocketProtocolException(AudioSocketProtocolError.UUID_TIMEOUT,
                            "no UUID within " + settings.uuidTimeoutMillis() + " ms of connecting")),
                    settings.uuidTimeoutMillis(), TimeUnit.MILLISECONDS);
        } else {
            // as Asterisk: the UUID is the first message, a moment after connecting
            channel.writeAndFlush(new UuidFrame(uuid), channel.voidPromise());
            start(uuid);
        }
    }

    public void onUuid(UUID callUuid) {
        if (isClosing()) {
            return;
        }
        uuidTimeout.cancel(false);
        start(callUuid);
    }

    /** Audio of the given kind arrived; its readable bytes are the payload, which the caller releases. */
    public void onAudio(AudioSocketKind kind, ByteBuf payload) {
        if (ended) {
            return;
        }
        host.audioReceived(payload.readableBytes());
        int rate = kind.sampleRate();
        if (rate != sampleRate) {
            sampleRate = rate;
        }
        receivedAudioNanos += (long) payload.readableBytes() / chunker.codec().bytesPerSample() * 1_000_000_000L / rate;
        lastAudioNanos = System.nanoTime();
        streamOffsetNanos = lastAudioNanos - receivedAudioNanos;
        chunker.append(payload, rate, emitAudio);
    }

    public void onDtmf(char digit) {
        if (ended) {
            return;
        }
        flushAudio();
        emit(CallEvent.dtmf(++sequence, digit));
    }

    /**
     * The peer sent a message whose content the protocol does not allow, with the stream still in step: reported (an
     * ERROR event; logged once a call), and the call goes on, as a live call should for one bad key press.
     */
    public void onInvalidMessage(InvalidMessage invalid) {
        if (ended) {
            return;
        }
        flushAudio();
        if (!invalidMessageLogged) {
            invalidMessageLogged = true;
            LOG.warn("AudioSocket peer {} (call {}) sent an invalid message, skipped: {}", remoteAddress, uuidText,
                    invalid);
        }
        emit(CallEvent.error(++sequence, invalid.error().name(), null, invalid.toString()));
    }

    public void onPeerError(ErrorFrame error) {
        if (ended) {
            return;
        }
        flushAudio();
        int code = error.code();
        LOG.warn("AudioSocket peer {} (call {}) sent an error message, code {}", remoteAddress, uuidText,
                code < 0 ? "none" : String.format("0x%02x", code));
        emit(CallEvent.error(++sequence, "PEER_ERROR", code < 0 ? null : code,
                "The peer sent an error message" + (code < 0 ? "" : String.format(" with code 0x%02x", code))));
    }

    public void onLegacyFrame(LegacyFrame frame) {
        if (ended) {
            return;
        }
        flushAudio();
        emit(CallEvent.legacy(++sequence, frame.payload()));
    }

    /** The peer sent a hangup message: the call ends, and this end closes the connection (as Asterisk does). */
    public void onPeerHangup() {
        endWith(AudioSocketHangupReason.REMOTE_HANGUP);
        channel.close();
    }

    /** The peer broke the protocol: reported once, and the connection is closed. */
    public void onProtocolError(AudioSocketProtocolException error) {
        if (isClosing()) {
            return;
        }
        host.protocolErrorOccurred(this, error.error());
        LOG.warn("AudioSocket connection {} {}{} closed: {}", role == CallRole.SERVER ? "from" : "to", remoteAddress,
                uuidText == null ? "" : " (call " + uuidText + ")", error.getMessage());
        flushAudio();
        emit(CallEvent.error(++sequence, error.error().name(), null, error.getMessage()));
        endWith(AudioSocketHangupReason.PROTOCOL_ERROR);
        if (role == CallRole.CLIENT) {
            // Asterisk drops such a connection with a reset, not a FIN
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        channel.close();
    }

    /** The connection failed for a reason of this end's own (a bug): the call ends. */
    public void onConnectionError(Throwable cause) {
        if (isClosing()) {
            return;
        }
        LOG.debug("AudioSocket connection {} failed: {}", remoteAddress, cause.toString());
        endWith(AudioSocketHangupReason.CONNECTION_LOST);
        channel.close();
    }

    /**
     * Reading or writing the connection failed. A write fails this way when the peer has hung up (closed its socket)
     * and this end wrote into the connection before reading the peer's FIN: the peer's reset then fails the next write.
     * So a failure alone does not tell why the call ended: nothing more is written, what the peer sent is read to its
     * end (backpressure no longer matters: the call is ending), and {@link #onInputClosed} decides by the peer's FIN or
     * reset, within {@link #RELEASE_TIMEOUT_MILLIS}.
     */
    public void onIoError(Throwable cause) {
        LOG.debug("AudioSocket connection {} failed: {}", remoteAddress, cause.toString());
        if (playback != null) {
            playback.close();
        }
        if (isClosing()) {
            closeNow(); // (the hangup message, say, will not leave now)
            return;
        }
        if (!awaitingInputAfterError) {
            awaitingInputAfterError = true;
            if (readPauseWarning != null) {
                readPauseWarning.cancel(false);
            }
            channel.config().setAutoRead(true);
            channel.eventLoop().schedule(() -> {
                if (channel.isOpen()) {
                    endWith(AudioSocketHangupReason.CONNECTION_LOST);
                    closeNow();
                }
            }, RELEASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The peer will send nothing more: it closed its side (a FIN: the caller hung up), or reading failed (a reset, the
     * network). The call ends, and this end closes the connection.
     */
    public void onInputClosed(boolean readFailed) {
        endWith(readFailed ? AudioSocketHangupReason.CONNECTION_LOST : AudioSocketHangupReason.REMOTE_CLOSED);
        channel.close();
    }

    /** The server or client is stopping: the call ends. */
    public void onShutdown() {
        endWith(AudioSocketHangupReason.SHUTDOWN);
        channel.close();
    }

    /**
     * Nothing was read from the peer for the idle timeout: it vanished without closing, or never speaks again. Unless
     * this end itself stopped reading (backpressure): the peer's silence is then unknown, and the time does not count.
     */
    public void onReaderIdle() {
        if (isClosing() || readPaused) {
            return;
        }
        LOG.info("AudioSocket connection {} {}{}: nothing arrived for the idle timeout; hanging up",
                role == CallRole.SERVER ? "from" : "to", remoteAddress, uuidText == null ? "" : " (call " + uuidText + ")");
        endNow(AudioSocketHangupReason.IDLE_TIMEOUT);
    }

    /**
     * Ends the call now, whatever is queued: a server sends the hangup message first (so that Asterisk's dialplan goes
     * on normally), the Asterisk side just closes. May be called from any thread.
     */
    public void hangupNow(AudioSocketHangupReason reason) {
        if (channel.eventLoop().inEventLoop()) {
            endNow(reason);
        } else {
            channel.eventLoop().execute(() -> endNow(reason));
        }
    }

    private void endNow(AudioSocketHangupReason reason) {
        if (isClosing()) {
            return;
        }
        endWith(reason);
        if (playback != null) {
            playback.close();
        }
        hangUpConnection();
    }

    /** Nothing was sent into the call for the keep-alive interval: one frame of silence keeps Asterisk listening. */
    public void onWriterIdle() {
        Playback p = playback;
        if (p != null && !isClosing()) {
            p.keepAlive(AudioSocketKind.forSampleRate(sampleRate));
        }
    }

    /** The connection is closed: the call ends here, with exactly one HANGUP if it ever began. */
    public void onClosed() {
        if (ended) {
            return;
        }
        ended = true;
        if (uuidTimeout != null) {
            uuidTimeout.cancel(false);
        }
        if (playback != null) {
            playback.close();
        }
        if (uuidText != null) {
            flushAudio();
            long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            emit(CallEvent.hangup(++sequence,
                    endReason != null ? endReason : AudioSocketHangupReason.REMOTE_CLOSED, duration));
            host.callEnded(this);
        } else {
            started.completeExceptionally(new AudioSocketCallNotFoundException(
                    "The connection " + (role == CallRole.SERVER ? "from " : "to ") + remoteAddress
                                                                               + " closed before the call started"));
        }
        finished = true;
    }

    // ---- playback's listener, on the event loop

    @Override
    public void frameSent(int bytes) {
        host.audioSent(bytes);
    }

    @Override
    public void underrun() {
        host.playbackUnderrun(this);
    }

    @Override
    public void frameSentAhead() {
        host.playbackFrameSentAhead(this);
    }

    @Override
    public void frameDropped(boolean first) {
        host.playbackFrameDropped(this);
        if (first && !isClosing()) {
            LOG.warn("AudioSocket call {} to {}: the peer is not reading what is played into the call; frames are"
                     + " dropped until it reads again", uuidText, remoteAddress);
        }
    }

    @Override
    public void markReached(String name) {
        if (!isClosing()) {
            emit(CallEvent.mark(++sequence, name));
        }
    }

    @Override
    public void hangupReached() {
        if (isClosing()) {
            return;
        }
        endWith(AudioSocketHangupReason.LOCAL_HANGUP);
        hangUpConnection();
    }

    // ---- internals

    /**
     * Ends the connection as this end does: Asterisk's side closes it (with a FIN, never a hangup message); a server
     * sends the hangup message first, so that Asterisk's dialplan goes on normally, and closes once it has left. A peer
     * that has stopped reading never takes it (it waits behind the audio that fills the buffers on the way): the
     * connection is then reset after {@link #RELEASE_TIMEOUT_MILLIS}, so that the call is released all the same.
     */
    private void hangUpConnection() {
        if (role == CallRole.CLIENT) {
            channel.close();
            return;
        }
        channel.writeAndFlush(HangupFrame.INSTANCE).addListener(ChannelFutureListener.CLOSE);
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(this::resetUnresponsivePeer,
                RELEASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
    }

    private void resetUnresponsivePeer() {
        if (channel.isOpen()) {
            LOG.warn("AudioSocket call {} from {}: the peer did not take the hangup message within {} ms (it is not"
                     + " reading); the connection is reset", uuidText, remoteAddress, RELEASE_TIMEOUT_MILLIS);
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            closeNow();
        }
    }

    /**
     * Closes the connection at once: with TLS, without the close_notify alert a closing TLS layer otherwise sends and
     * waits seconds to flush, which a peer that does not read, or a connection that failed, would never take.
     */
    private void closeNow() {
        ChannelHandlerContext tls = channel.pipeline().context(SslHandler.class);
        if (tls != null) {
            tls.close(); // (from the TLS handler's place in the pipeline: the handlers below it, not the handler itself)
        } else {
            channel.close();
        }
    }

    private void start(UUID callUuid) {
        uuid = callUuid;
        uuidText = callUuid.toString();
        startNanos = System.nanoTime();
        // the Asterisk side of a c(ulaw) call sends µ-law under the slin kind; a server always sends slin
        playback = new Playback(channel, this, settings.playbackQueueLimitMillis(),
                settings.playbackCatchUpLimitMillis(), uuidText,
                role == CallRole.CLIENT ? settings.codec() : AudioCodec.SLIN);
        host.callStarted(this);
        emit(CallEvent.callStart(++sequence));
        started.complete(this);
    }

    /** True once the call's end is decided: received audio is still delivered until the connection is closed. */
    private boolean isClosing() {
        return ended || endReason != null;
    }

    private void endWith(AudioSocketHangupReason reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }

    private Playback requirePlayback() throws AudioSocketCallNotFoundException {
        Playback p = playback;
        if (p == null) {
            throw new AudioSocketCallNotFoundException("Call from " + remoteAddress + " has not sent its UUID yet");
        }
        return p;
    }

    private void emitAudio(byte[] audio, int rate) {
        emit(CallEvent.audio(++sequence, audio, rate, chunker.codec(), lastAudioNanos, receivedAudioNanos));
    }

    private void flushAudio() {
        chunker.flush(emitAudio);
    }

    private void emit(CallEvent event) {
        if (settings.events().contains(event.type())) {
            events.add(event);
        }
    }

    private void pauseReading() {
        if (readPaused || awaitingInputAfterError) {
            return;
        }
        readPaused = true;
        host.readPaused(this);
        channel.config().setAutoRead(false);
        readPauseWarning = channel.eventLoop().schedule(() -> {
            host.readPausedTooLong(this);
            LOG.warn("AudioSocket call {} from {}: its route has been too slow to keep up for {} ms ({} exchanges"
                     + " waiting); reading the socket stays paused, and Asterisk's stream breaks once its buffers"
                     + " fill. Speed up the route, add pool threads or use larger chunks.",
                    uuidText, remoteAddress, settings.readPauseWarnMillis(), events.size());
        }, settings.readPauseWarnMillis(), TimeUnit.MILLISECONDS);
        // The route may have taken half of the events between the count going over the limit and this pause: its
        // drained() then saw no pause and asked for no resume, and it would never ask again. So look once more now
        // that the pause is visible: whichever side comes second sees the other.
        if (events.isLowEnoughToResume()) {
            resumeReadingIfDrained();
        }
    }

    /**
     * The route has taken half of what waited: on a paused call, reading may resume (decided on the event loop). Called
     * on the thread that delivers the call's events, which goes on delivering them whatever happens here.
     */
    private void drained() {
        if (readPaused) {
            try {
                channel.eventLoop().execute(this::resumeReadingIfDrained);
            } catch (RejectedExecutionException ended) {
                // a stop ended the event loops while the route was still busy: the connection is closed, nothing more
                // is read, and the events that wait still go to the route
            }
        }
    }

    private void resumeReadingIfDrained() {
        if (readPaused && events.isLowEnoughToResume()) {
            readPaused = false;
            readPauseWarning.cancel(false);
            // the idle timeout measures the peer's silence from here on, not from the last read before the pause
            IdleStateHandler idle = channel.pipeline().get(IdleStateHandler.class);
            if (idle != null) {
                idle.resetReadTimeout();
            }
            channel.config().setAutoRead(true);
        }
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    @Override
    public String toString() {
        return "CallSession[" + role + ", " + (uuidText != null ? uuidText : "no UUID yet") + ", " + remoteAddress + "]";
    }
}
