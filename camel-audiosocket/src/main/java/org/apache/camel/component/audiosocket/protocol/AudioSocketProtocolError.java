package org.apache.camel.component.audiosocket.protocol;

/**
 * What a peer did wrong. Each ends that connection, and only that one, except a DTMF byte that is no digit; the name is
 * what the {@code CamelAudioSocketErrorType} header of an {@code ERROR} exchange carries.
 */
public enum AudioSocketProtocolError {

    /** The kind byte is none the protocol defines. */
    UNKNOWN_KIND,
    /** The first message of a connection to the server was not the call's UUID. */
    FIRST_FRAME_NOT_UUID,
    /** A UUID message arrived after the call already had its UUID. */
    UNEXPECTED_UUID,
    /**
     * A server sent a kind Asterisk does not accept from a server (UUID, DTMF, error or legacy messages): Asterisk ends
     * the call. Reported in client mode, which behaves as Asterisk.
     */
    UNEXPECTED_KIND,
    /** A UUID message whose payload is not 16 bytes. */
    INVALID_UUID_LENGTH,
    /**
     * A DTMF message whose payload is not one byte (which ends the connection), or whose byte is not one of
     * {@code 0-9 * # A-D} (which is reported as an {@link InvalidMessage}: the connection goes on).
     */
    INVALID_DTMF,
    /** Audio of odd length (16-bit samples come in pairs of bytes) or of no length at all. */
    INVALID_AUDIO_LENGTH,
    /** A message whose payload is larger than the configured maximum frame size. */
    FRAME_TOO_LARGE,
    /** The connection ended in the middle of a message. */
    TRUNCATED_FRAME,
    /** No UUID arrived within the configured time after the connection was accepted. */
    UUID_TIMEOUT
}
