package org.apache.camel.component.audiosocket.session;

import java.util.concurrent.Executor;

import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;

/** The server (or, in client mode, the client) a call lives on, as the call sees it. */
public interface CallHost {

    /** What runs this call's routes: the pool shared by all calls, or the call's own event loop. */
    Executor executorFor(CallSession call);

    /** Where the calls' events go. */
    CallEventSink sink();

    /** The call's UUID arrived: from now on the producer can find it. */
    void callStarted(CallSession call);

    /** The call ended: the producer can no longer find it. */
    void callEnded(CallSession call);

    /** The connection closed, whether or not its call ever started. */
    void connectionClosed(CallSession call);

    /** A call broke the protocol (counted, by error). */
    void protocolErrorOccurred(CallSession call, AudioSocketProtocolError error);

    /** A call's socket stopped being read because its route fell behind (counted). */
    void readPaused(CallSession call);

    /** A call's socket stayed paused by backpressure longer than allowed (counted). */
    void readPausedTooLong(CallSession call);

    /** An audio frame of this many bytes arrived (counted; called for every frame, so it must be cheap). */
    void audioReceived(int bytes);

    /** An audio frame of this many bytes was written into a call (counted; called for every frame). */
    void audioSent(int bytes);

    /** Audio to play arrived shortly after a call's playback queue had run dry: the listener heard a gap. */
    void playbackUnderrun(CallSession call);

    /** A frame was sent ahead of real time, to make up for audio that came late (counted). */
    void playbackFrameSentAhead(CallSession call);

    /** A frame could not be written because the peer stopped reading (its buffers are full): dropped, counted. */
    void playbackFrameDropped(CallSession call);

    /** Something failed that is neither the peer's fault nor the network's: a bug, counted and logged. */
    void internalError(CallSession call, Throwable cause);
}
