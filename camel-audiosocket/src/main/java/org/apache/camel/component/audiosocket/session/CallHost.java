package org.apache.camel.component.audiosocket.session;

import java.util.concurrent.Executor;

/** The server (or, in client mode, the client) a call lives on, as the call sees it. */
public interface CallHost {

    /** The pool that runs the routes of all calls. */
    Executor executor();

    /** Where the calls' events go. */
    CallEventSink sink();

    /** The call's UUID arrived: from now on the producer can find it. */
    void callStarted(CallSession call);

    /** The call ended: the producer can no longer find it. */
    void callEnded(CallSession call);

    /** The connection closed, whether or not its call ever started. */
    void connectionClosed(CallSession call);

    /** A call broke the protocol (counted). */
    void protocolErrorOccurred(CallSession call);

    /** A call's socket stayed paused by backpressure longer than allowed (counted). */
    void readPausedTooLong(CallSession call);
}
