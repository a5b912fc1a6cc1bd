package org.apache.camel.component.audiosocket;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the AudioSocket component. Their names are part of the component's public contract.
 */
public final class AudioSocketConstants {

    @Metadata(description = "The call's UUID in canonical lowercase form, as the dialplan gave it. On the producer:"
                            + " the call to play into (in client mode: the call to place, generated when absent).",
              javaType = "String", important = true)
    public static final String UUID = "CamelAudioSocketUuid";

    @Metadata(label = "consumer", description = "What happened in the call: CALL_START (the UUID arrived; no body),"
                                                + " AUDIO (the audio, a byte array, in the body), DTMF (a key press;"
                                                + " no body), HANGUP (the call ended, exactly once per call; no body),"
                                                + " ERROR (the peer sent an error or broke the protocol; a description"
                                                + " of it in the body), MARK (playback reached a mark; no body),"
                                                + " LEGACY_FRAME (a legacy 0x02 message; its payload, a byte array, in"
                                                + " the body).",
              javaType = "String", enums = "CALL_START,AUDIO,DTMF,HANGUP,ERROR,MARK,LEGACY_FRAME", important = true)
    public static final String EVENT_TYPE = "CamelAudioSocketEventType";

    @Metadata(description = "The sample rate in Hz of the audio in the body. On the producer: the rate of the body"
                            + " (default: the call's own rate); one of 8000, 12000, 16000, 24000, 32000, 44100,"
                            + " 48000, 96000, 192000.",
              javaType = "Integer")
    public static final String SAMPLE_RATE = "CamelAudioSocketSampleRate";

    @Metadata(description = "The encoding of the audio in the body: SLIN (16-bit signed little-endian PCM), ULAW or"
                            + " ALAW (G.711, one byte per sample; on calls dialled with c(ulaw) or c(alaw)). On the"
                            + " producer a ULAW or ALAW body is decoded before it is played.",
              javaType = "String", enums = "SLIN,ULAW,ALAW")
    public static final String CODEC = "CamelAudioSocketCodec";

    @Metadata(description = "The DTMF digit of a DTMF event: a digit 0-9, the star or hash key, or A-D. In client mode"
                            + " on the producer: digits to press after the body's audio has played, such as 12#.",
              javaType = "String")
    public static final String DTMF_DIGIT = "CamelAudioSocketDtmfDigit";

    @Metadata(label = "consumer", description = "The event's number within its call, starting at 1 with CALL_START;"
                                                + " events left out by the events option still take a number.",
              javaType = "Long")
    public static final String SEQUENCE = "CamelAudioSocketSequence";

    @Metadata(label = "consumer", description = "The address of the peer (Asterisk), as host:port.",
              javaType = "String")
    public static final String REMOTE_ADDRESS = "CamelAudioSocketRemoteAddress";

    @Metadata(label = "consumer", description = "Who ended the call and how, on HANGUP: REMOTE_CLOSED (the peer"
                                                + " closed the connection: the caller hung up), REMOTE_HANGUP (the peer"
                                                + " sent a hangup message), LOCAL_HANGUP (a route sent the HANGUP"
                                                + " command), PROTOCOL_ERROR (the peer broke the protocol and was"
                                                + " disconnected), CONNECTION_LOST (the connection failed), SHUTDOWN"
                                                + " (the consumer was stopped), IDLE_TIMEOUT (nothing arrived for"
                                                + " idleTimeout), ROUTE_ERROR (the route failed and hangupOnRouteError"
                                                + " is set).",
              javaType = "String",
              enums = "REMOTE_CLOSED,REMOTE_HANGUP,LOCAL_HANGUP,PROTOCOL_ERROR,CONNECTION_LOST,SHUTDOWN,IDLE_TIMEOUT,"
                      + "ROUTE_ERROR")
    public static final String HANGUP_REASON = "CamelAudioSocketHangupReason";

    @Metadata(label = "consumer", description = "How long the call lasted in milliseconds, on HANGUP.",
              javaType = "Long")
    public static final String CALL_DURATION = "CamelAudioSocketCallDuration";

    @Metadata(label = "consumer", description = "What went wrong, on ERROR: PEER_ERROR (the peer sent an error"
                                                + " message, see CamelAudioSocketErrorCode) or the protocol error that"
                                                + " ended the connection.",
              javaType = "String",
              enums = "PEER_ERROR,UNKNOWN_KIND,FIRST_FRAME_NOT_UUID,UNEXPECTED_UUID,UNEXPECTED_KIND,"
                      + "INVALID_UUID_LENGTH,INVALID_DTMF,INVALID_AUDIO_LENGTH,FRAME_TOO_LARGE,TRUNCATED_FRAME,"
                      + "UUID_TIMEOUT")
    public static final String ERROR_TYPE = "CamelAudioSocketErrorType";

    @Metadata(label = "consumer", description = "The code of an error message the peer sent (its first payload byte,"
                                                + " 0-255): Asterisk defines 1 (hangup of the calling party), 2 (frame"
                                                + " forwarding error) and 4 (memory error). Absent when it sent none.",
              javaType = "Integer")
    public static final String ERROR_CODE = "CamelAudioSocketErrorCode";

    @Metadata(label = "producer", description = "What to do with the call: PLAY the body (default), CLEAR the"
                                                + " audio queued for playback (barge-in), HANGUP after what is queued"
                                                + " has played (CLEAR first to hang up at once), or MARK the playback"
                                                + " queue: a MARK event reaches the consumer route when playback gets"
                                                + " there.",
              javaType = "String", enums = "PLAY,CLEAR,HANGUP,MARK", defaultValue = "PLAY")
    public static final String COMMAND = "CamelAudioSocketCommand";

    @Metadata(description = "The name of a mark: set it with the MARK command; the MARK event carries it back.",
              javaType = "String")
    public static final String MARK = "CamelAudioSocketMark";

    private AudioSocketConstants() {
    }
}
