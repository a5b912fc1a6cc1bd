package org.apache.camel.component.audiosocket.session;

import java.util.EnumSet;
import java.util.Set;

import org.apache.camel.component.audiosocket.AudioSocketEventType;
import org.apache.camel.component.audiosocket.audio.AudioCodec;

/**
 * What every call on one server is configured with.
 *
 * @param codec                  encoding of the calls' audio payloads
 * @param events                 the event types that are delivered; the others only take a sequence number
 * @param chunkMillis            milliseconds of audio per AUDIO event
 * @param maxPendingEvents       events that may wait for the route before the socket stops being read
 * @param readPauseWarnMillis    how long reading may stay paused before it is logged and counted
 * @param uuidTimeoutMillis      how long a new connection has to send its UUID
 * @param playbackQueueLimitMillis most audio that may wait to be played into one call
 * @param playbackCatchUpLimitMillis most lateness of a call's audio stream that is made up by sending ahead; 0: none
 */
public record CallSettings(
        AudioCodec codec, Set<AudioSocketEventType> events, int chunkMillis, int maxPendingEvents,
        long readPauseWarnMillis, long uuidTimeoutMillis, long playbackQueueLimitMillis,
        long playbackCatchUpLimitMillis) {

    /** The longest chunk: one minute (11.5 MB at 192 kHz). */
    public static final int MAX_CHUNK_MILLIS = 60_000;

    public CallSettings {
        events = events.isEmpty() ? EnumSet.noneOf(AudioSocketEventType.class) : EnumSet.copyOf(events);
        if (chunkMillis < 1 || chunkMillis > MAX_CHUNK_MILLIS) {
            throw new IllegalArgumentException(
                    "chunkDuration must be 1 to " + MAX_CHUNK_MILLIS + " ms, not " + chunkMillis);
        }
        if (maxPendingEvents < 1) {
            throw new IllegalArgumentException("maxPendingExchanges must be at least 1, not " + maxPendingEvents);
        }
        if (uuidTimeoutMillis < 1) {
            throw new IllegalArgumentException("uuidTimeout must be at least 1 ms, not " + uuidTimeoutMillis);
        }
        if (playbackQueueLimitMillis < 1) {
            throw new IllegalArgumentException("playbackQueueLimit must be at least 1 ms, not " + playbackQueueLimitMillis);
        }
        if (playbackCatchUpLimitMillis < 0) {
            throw new IllegalArgumentException(
                    "playbackCatchUpLimit must be 0 (off) or more, not " + playbackCatchUpLimitMillis + " ms");
        }
    }
}
