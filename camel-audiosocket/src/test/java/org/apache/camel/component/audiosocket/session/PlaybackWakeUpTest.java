package org.apache.camel.component.audiosocket.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pacer's wake-ups fall on whole milliseconds of the clock, never before a frame's deadline, and a timeline starts
 * on one so that its frames need no rounding.
 */
class PlaybackWakeUpTest {

    private static final long MS = 1_000_000L;

    @Test
    void aDeadlineIsRoundedUpToTheNextWholeMillisecond() {
        assertEquals(3 * MS, Playback.delayUntil(10 * MS, 7 * MS), "on the grid: as it is");
        assertEquals(4 * MS, Playback.delayUntil(10 * MS + 1, 7 * MS), "just past: the next one");
        assertEquals(MS, Playback.delayUntil(11 * MS - 1, 10 * MS), "just before: that one");
    }

    @Test
    void theClockMayBeNegative() {
        // System.nanoTime() has an arbitrary origin and may be below zero
        assertEquals(2 * MS, Playback.delayUntil(-5 * MS - 1, -7 * MS), "rounded up, towards zero");
        assertEquals(0, Playback.delayUntil(-5 * MS, -5 * MS));
    }

    @Test
    void aTimelineStartsOnTheGridSoThatEveryFrameIsOnItToo() {
        long now = 123 * MS + 456_789;
        long start = Playback.timelineStart(now, 0);
        assertEquals(124 * MS, start, "the next whole millisecond");
        for (int frame = 1; frame <= 3000; frame++) {
            long deadline = start + frame * 20 * MS; // a minute of 20 ms frames
            assertEquals(deadline - now, Playback.delayUntil(deadline, now), "frame " + frame + " waits for no rounding");
        }
    }

    @Test
    void aTimelineStartsNoEarlierThanTheAudioAlreadySent() {
        assertEquals(131 * MS, Playback.timelineStart(100 * MS, 130 * MS + 1));
        assertEquals(130 * MS, Playback.timelineStart(100 * MS, 130 * MS));
        assertEquals(-4 * MS, Playback.timelineStart(-5 * MS + 1, -9 * MS), "below zero too");
    }

    @Test
    void calledLateItIsDueAtOnce() {
        assertEquals(-2 * MS, Playback.delayUntil(10 * MS, 12 * MS), "a negative delay: Netty runs it at once");
    }
}
