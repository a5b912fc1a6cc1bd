package org.apache.camel.component.audiosocket.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketHangupReason;
import org.apache.camel.component.audiosocket.AudioSocketPlaybackQueueFullException;
import org.apache.camel.component.audiosocket.protocol.AudioFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolException;
import org.apache.camel.component.audiosocket.protocol.ErrorFrame;
import org.apache.camel.component.audiosocket.protocol.HangupFrame;
import org.apache.camel.component.audiosocket.protocol.LegacyFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about one call, which is one TCP connection: its UUID, the chunk of audio being filled, the events on
 * their way to the route, the playback queue, and how the call ended.
 * <p>
 * The {@code on...} methods are called by the connection's handler on the channel's event loop, the only thread that
 * changes the call's state. The commands ({@link #play}, {@link #clearPlayback}, {@link #hangup}, {@link #mark}) may
 * be called from any thread.
 */
public final class CallSession implements Playback.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    private final Channel channel;
    private final CallSettings settings;
    private final CallHost host;
    private final String remoteAddress;
    private final CallEventQueue events;
    private final AudioChunker chunker;
    private final ObjIntConsumer<byte[]> emitAudio = this::emitAudio;
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

    public CallSession(Channel channel, CallSettings settings, CallHost host) {
        this.channel = channel;
        this.settings = settings;
        this.host = host;
        this.remoteAddress = describe(channel.remoteAddress());
        this.events = new CallEventQueue(this, host, settings.maxPendingEvents(), this::pauseReading,
                this::drained);
        this.chunker = new AudioChunker(settings.chunkMillis(), settings.codec());
    }

    /** The call's UUID, or null before it arrived. */
    public UUID uuid() {
        return uuid;
    }

    /** The UUID in canonical lowercase form, or null before it arrived. */
    public String uuidText() {
        return uuidText;
    }

    /** The peer's address as host:port. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The rate of the audio the call sends (8000 until its first audio frame). */
    public int sampleRate() {
        return sampleRate;
    }

    public Channel channel() {
        return channel;
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

    // ---- commands, from any thread

    /** Queues 16-bit PCM at the rate of {@code kind} for paced playback into the call. */
    public void play(byte[] pcm, AudioSocketKind kind)
            throws AudioSocketCallNotFoundException, AudioSocketPlaybackQueueFullException {
        requirePlayback().play(pcm, kind);
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

    // ---- connection events, on the event loop

    public void onConnected() {
        uuidTimeout = channel.eventLoop().schedule(
                () -> onProtocolError(new AudioSocketProtocolException(AudioSocketProtocolError.UUID_TIMEOUT,
                        "no UUID within " + settings.uuidTimeoutMillis() + " ms of connecting")),
                settings.uuidTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    public void onUuid(UUID callUuid) {
        if (isClosing()) {
            return;
        }
        uuidTimeout.cancel(false);
        uuid = callUuid;
        uuidText = callUuid.toString();
        startNanos = System.nanoTime();
        playback = new Playback(channel, this, settings.playbackQueueLimitMillis(), uuidText);
        host.callStarted(this);
        emit(CallEvent.callStart(++sequence));
    }

    public void onAudio(AudioFrame frame) {
        if (ended) {
            return;
        }
        int rate = frame.sampleRate();
        if (rate != sampleRate) {
            sampleRate = rate;
        }
        chunker.append(frame.content(), rate, emitAudio);
    }

    public void onDtmf(char digit) {
        if (ended) {
            return;
        }
        flushAudio();
        emit(CallEvent.dtmf(++sequence, digit));
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

    public void onPeerHangup() {
        endWith(AudioSocketHangupReason.REMOTE_HANGUP);
        channel.close();
    }

    /** The peer broke the protocol: reported once, and the connection is closed. */
    public void onProtocolError(AudioSocketProtocolException error) {
        if (isClosing()) {
            return;
        }
        host.protocolErrorOccurred(this);
        LOG.warn("AudioSocket connection from {}{} closed: {}", remoteAddress,
                uuidText == null ? "" : " (call " + uuidText + ")", error.getMessage());
        flushAudio();
        emit(CallEvent.error(++sequence, error.error().name(), null, error.getMessage()));
        endWith(AudioSocketHangupReason.PROTOCOL_ERROR);
        channel.close();
    }

    /** The connection failed. */
    public void onConnectionError(Throwable cause) {
        if (isClosing()) {
            return;
        }
        LOG.debug("AudioSocket connection from {} failed: {}", remoteAddress, cause.toString());
        endWith(AudioSocketHangupReason.CONNECTION_LOST);
        channel.close();
    }

    /** The server is stopping: the call ends. */
    public void onShutdown() {
        endWith(AudioSocketHangupReason.SHUTDOWN);
        channel.close();
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
        if (uuid != null) {
            flushAudio();
            long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            emit(CallEvent.hangup(++sequence,
                    endReason != null ? endReason : AudioSocketHangupReason.REMOTE_CLOSED, duration));
            host.callEnded(this);
        }
        finished = true;
    }

    /** True once the connection is closed and the call's last events are queued or delivered. */
    public boolean isFinished() {
        return finished && events.isIdle();
    }

    // ---- playback's listener, on the event loop

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
        channel.writeAndFlush(HangupFrame.INSTANCE).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- internals

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
        emit(CallEvent.audio(++sequence, audio, rate, settings.codec()));
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
        if (readPaused) {
            return;
        }
        readPaused = true;
        channel.config().setAutoRead(false);
        readPauseWarning = channel.eventLoop().schedule(() -> {
            host.readPausedTooLong(this);
            LOG.warn("AudioSocket call {} from {}: its route has been too slow to keep up for {} ms ({} exchanges"
                     + " waiting); reading the socket stays paused, and Asterisk's stream breaks once its buffers"
                     + " fill. Speed up the route, add pool threads or use larger chunks.",
                    uuidText, remoteAddress, settings.readPauseWarnMillis(), events.size());
        }, settings.readPauseWarnMillis(), TimeUnit.MILLISECONDS);
    }

    /** The route has taken half of what waited: on a paused call, reading may resume (decided on the event loop). */
    private void drained() {
        if (readPaused) {
            channel.eventLoop().execute(this::resumeReadingIfDrained);
        }
    }

    private void resumeReadingIfDrained() {
        if (readPaused && events.isLowEnoughToResume()) {
            readPaused = false;
            readPauseWarning.cancel(false);
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
        return "CallSession[" + (uuidText != null ? uuidText : "no UUID yet") + " from " + remoteAddress + "]";
    }
}
