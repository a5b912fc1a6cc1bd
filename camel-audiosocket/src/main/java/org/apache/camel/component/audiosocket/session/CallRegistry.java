package org.apache.camel.component.audiosocket.session;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder longReadPauses = new LongAdder();

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
        return protocolErrors.sum();
    }

    /** Times a call's reading stayed paused by backpressure longer than readPauseWarnThreshold. */
    public long longReadPauses() {
        return longReadPauses.sum();
    }

    /** A new connection's call, kept until the connection closes. */
    protected void register(CallSession call) {
        connections.add(call);
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
    public void protocolErrorOccurred(CallSession call) {
        protocolErrors.increment();
    }

    @Override
    public void readPausedTooLong(CallSession call) {
        longReadPauses.increment();
    }
}
