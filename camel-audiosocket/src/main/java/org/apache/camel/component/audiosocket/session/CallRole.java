package org.apache.camel.component.audiosocket.session;

/** Which end of the AudioSocket connection a call session is. */
public enum CallRole {

    /** The server Asterisk dialled: the peer sends the UUID first, then audio and DTMF. */
    SERVER,

    /**
     * The Asterisk side (client mode): this end connects, sends the UUID and plays audio and DTMF into the server; it
     * accepts only audio and hangup messages back, and ends a call by closing the connection.
     */
    CLIENT
}
