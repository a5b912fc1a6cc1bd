package org.apache.camel.component.audiosocket.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pacer's wake-ups fall on whole milliseconds of the clock, never before a frame's deadline, and a timeline starts
 * on a step of the 5 ms grid, so that its frames need no rounding and the calls' frames fall due in few milliseconds.
 */
class PlaybackWakeUpTest {

    private static final long MS = 1_000_000L;

    @Test
    void aDeadlineIsRoundedUpToTheNextWholeMillisecond() {
        assertEquals(10, PacingClock.millisOf(10 * MS), "on the grid: as it is");
        assertEquals(11, PacingClock.millisOf(10 * MS + 1), "just past: the next one");
        assertEquals(11, PacingClock.millisOf(11 * MS - 1), "just before: that one");
    }

    @Test
    void theClockMayBeNegative() {
        // System.nanoTime() has an arbitrary origin and may be below zero
        assertEquals(-5, PacingClock.millisOf(-5 * MS - 1), "rounded up, towards zero");
        assertEquals(-5, PacingClock.millisOf(-5 * MS));
        assertEquals(-4, PacingClock.millisOf(-5 * MS + 1));
    }

    @Test
    void aTimelineStartsOnTheNextStepOfTheGridSoThatItsFramesNeedNoRounding() {
        long now = 123 * MS + 456_789;
        long start = Playback.timelineStart(now, 0);
        assertEquals(125 * MS, start, "the next multiple of 5 ms");
        assertEquals(125 + 20, PacingClock.millisOf(start + 20 * MS), "the first 20 ms frame's deadline, exactly");
        assertEquals(0, (start + 20 * MS) % Playback.TIMELINE_GRID_NANOS, "and it is on the grid too");
        assertEquals(125 * MS, Playback.timelineStart(125 * MS, 0), "on the grid: as it is");
    }

    @Test
    void aTimelineStartsNoEarlierThanTheAudioAlreadySent() {
        assertEquals(135 * MS, Playback.timelineStart(100 * MS, 130 * MS + 1));
        assertEquals(130 * MS, Playback.timelineStart(100 * MS, 130 * MS));
        assertEquals(-5 * MS, Playback.timelineStart(-5 * MS - 1, -9 * MS), "below zero: rounded up, towards zero");
        assertEquals(-5 * MS, Playback.timelineStart(-9 * MS + 1, -9 * MS), "and below zero from the audio sent");
    }
}
