package org.apache.camel.component.audiosocket.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server and a client both keep about their calls: the open connections, the live calls by UUID (for the
 * producer to find), and counts of what happened to them. Ends every call when the host stops.
 */
public abstract class CallRegistry extends ServiceSupport implements CallHost {

    private static final Logger LOG = LoggerFactory.getLogger(CallRegistry.class);

    private final Map<UUID, CallSession> callsByUuid = new ConcurrentHashMap<>();
    private final Set<CallSession> connections = ConcurrentHashMap.newKeySet();
    private final LongAdder callsTotal = new LongAdder();
    private final Map<AudioSocketProtocolError, LongAdder> protocolErrors = new EnumMap<>(AudioSocketProtocolError.class);
    private final LongAdder readPauses = new LongAdder();
    private final LongAdder longReadPauses = new LongAdder();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder playbackUnderruns = new LongAdder();
    private final LongAdder playbackFramesAhead = new LongAdder();
    private final LongAdder playbackFramesDropped = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();
    private final Map<RefusalReason, LongAdder> refusals = new EnumMap<>(RefusalReason.class);

    /** Why a server closed a connection as soon as it was accepted. */
    public enum RefusalReason {
        /** maxConcurrentCalls connections were open already. */
        CALL_LIMIT,
        /** The peer's address is not in allowedClients. */
        NOT_ALLOWED
    }

    protected CallRegistry() {
        for (AudioSocketProtocolError error : AudioSocketProtocolError.values()) {
            protocolErrors.put(error, new LongAdder());
        }
        for (RefusalReason reason : RefusalReason.values()) {
            refusals.put(reason, new LongAdder());
        }
    }

    /** The live call with this UUID, or null. */
    public CallSession findCall(UUID uuid) {
        return callsByUuid.get(uuid);
    }

    /** Calls whose UUID has arrived (or was sent) and that have not ended. */
    public int activeCalls() {
        return callsByUuid.size();
    }

    /** Open connections, including those whose call has not started yet. */
    public int openConnections() {
        return connections.size();
    }

    /** Calls started since the host started. */
    public long callsTotal() {
        return callsTotal.sum();
    }

    /** Connections closed for breaking the protocol. */
    public long protocolErrors() {
        return protocolErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Connections closed for breaking the protocol in the given way. */
    public long protocolErrors(AudioSocketProtocolError error) {
        return protocolErrors.get(error).sum();
    }

    /** Times a call's reading was paused because its route fell behind (backpressure). */
    public long readPauses() {
        return readPauses.sum();
    }

    /** Times a call's reading stayed paused by backpressure longer than readPauseWarnThreshold. */
    public long longReadPauses() {
        return longReadPauses.sum();
    }

    /** Audio frames received from all calls. */
    public long framesReceived() {
        return framesReceived.sum();
    }

    /** Bytes of audio received from all calls. */
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    /** Audio frames written into all calls (keep-alive silence included). */
    public long framesSent() {
        return framesSent.sum();
    }

    /** Bytes of audio written into all calls. */
    public long bytesSent() {
        return bytesSent.sum();
    }

    /** Times audio to play arrived within a moment of a call's playback running dry (a gap the caller heard). */
    public long playbackUnderruns() {
        return playbackUnderruns.sum();
    }

    /** Frames sent ahead of real time to make up for audio that came late. */
    public long playbackFramesAhead() {
        return playbackFramesAhead.sum();
    }

    /** Frames not written into calls whose peer stopped reading. */
    public long playbackFramesDropped() {
        return playbackFramesDropped.sum();
    }

    /** Failures that were neither the peers' nor the network's fault. */
    public long internalErrors() {
        return internalErrors.sum();
    }

    /** Connections closed as soon as they were accepted, for the given reason. */
    public long refusedConnections(RefusalReason reason) {
        return refusals.get(reason).sum();
    }

    /** Counts a connection closed as soon as it was accepted. */
    protected void refused(RefusalReason reason) {
        refusals.get(reason).increment();
    }

    /** Milliseconds of audio waiting to be played, over all live calls. */
    public long queuedPlaybackMillis() {
        long queued = 0;
        for (CallSession call : callsByUuid.values()) {
            queued += call.queuedPlaybackMillis();
        }
        return queued;
    }

    /** A new connection's call, kept until the connection closes. */
    protected void register(CallSession call) {
        connections.add(call);
    }

    /**
     * A new connection's call, kept until the connection closes, unless {@code limit} connections are open already.
     * The count and the registration are one step, so that connections set up at the same moment on different event
     * loops cannot all pass the check.
     *
     * @param limit the most connections open at once; 0 for no limit
     * @return false, and nothing registered, when the limit is reached
     */
    protected synchronized boolean registerWithin(CallSession call, int limit) {
        if (limit > 0 && connections.size() >= limit) {
            return false;
        }
        connections.add(call);
        return true;
    }

    /** A connection that never came up: it has no call to end. */
    protected void forget(CallSession call) {
        connections.remove(call);
    }

    /**
     * Ends every call the given way and waits, up to {@code timeoutMillis}, until each has delivered its last events;
     * connections that open meanwhile are ended too.
     *
     * @return how many calls had not finished by then
     */
    protected long endAllCalls(long timeoutMillis) throws InterruptedException {
        Set<CallSession> ending = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        do {
            for (CallSession call : connections) {
                if (ending.add(call)) {
                    call.channel().eventLoop().execute(call::onShutdown);
                }
            }
            if (connections.isEmpty() && ending.stream().allMatch(CallSession::isFinished)) {
                break;
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return ending.stream().filter(c -> !c.isFinished()).count();
    }

    @Override
    public void callStarted(CallSession call) {
        callsTotal.increment();
        CallSession previous = callsByUuid.put(call.uuid(), call);
        if (previous != null && previous != call) {
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
    public void connectionClosed(CallSession call) {
        connections.remove(call);
    }

    @Override
    public void protocolErrorOccurred(CallSession call, AudioSocketProtocolError error) {
        protocolErrors.get(error).increment();
    }

    @Override
    public void readPaused(CallSession call) {
        readPauses.increment();
    }

    @Override
    public void readPausedTooLong(CallSession call) {
        longReadPauses.increment();
    }

    @Override
    public void audioReceived(int bytes) {
        framesReceived.increment();
        bytesReceived.add(bytes);
    }

    @Override
    public void audioSent(int bytes) {
        framesSent.increment();
        bytesSent.add(bytes);
    }

    @Override
    public void playbackUnderrun(CallSession call) {
        playbackUnderruns.increment();
    }

    @Override
    public void playbackFrameSentAhead(CallSession call) {
        playbackFramesAhead.increment();
    }

    @Override
    public void playbackFrameDropped(CallSession call) {
        playbackFramesDropped.increment();
    }

    @Override
    public void internalError(CallSession call, Throwable cause) {
        internalErrors.increment();
        LOG.warn("Unexpected failure on AudioSocket connection {}", call, cause);
    }
}
