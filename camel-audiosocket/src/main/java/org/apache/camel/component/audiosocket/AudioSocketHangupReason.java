package org.apache.camel.component.audiosocket;

/** Who ended a call and how, in the {@link AudioSocketConstants#HANGUP_REASON} header. */
public enum AudioSocketHangupReason {
    /** The peer closed the connection: how Asterisk ends a call when the caller hangs up. */
    REMOTE_CLOSED,
    /** The peer sent a hangup message ({@code 0x00}). */
    REMOTE_HANGUP,
    /** A route ended the call with the HANGUP command. */
    LOCAL_HANGUP,
    /** The peer broke the protocol and the connection was closed. */
    PROTOCOL_ERROR,
    /** The connection failed (reset by the peer, I/O error). */
    CONNECTION_LOST,
    /** The consumer stopped while the call was up. */
    SHUTDOWN,
    /** Nothing arrived from the peer for idleTimeout: the server hung up. */
    IDLE_TIMEOUT,
    /** The route failed on one of the call's exchanges and hangupOnRouteError is set: the server hung up. */
    ROUTE_ERROR
}
