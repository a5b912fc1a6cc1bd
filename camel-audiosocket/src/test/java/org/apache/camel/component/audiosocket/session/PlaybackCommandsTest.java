package org.apache.camel.component.audiosocket.session;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How commands reach a call's pacer: one given on the call's own event loop (the reply of a route running there) goes
 * straight into the playlist with no task, yet never ahead of a command another thread gave before it, and never into
 * the middle of a tick. The call is a real channel pair on a real event loop that counts the tasks given to it; the
 * frames are read on the other end.
 */
class PlaybackCommandsTest {

    @AutoClose
    private final LocalPlaybackCall call = LocalPlaybackCall.withoutCatchUp();

    @Test
    void aCommandGivenOnTheCallsEventLoopTakesNoTask() throws Exception {
        int tasks = call.onLoop(() -> {
            int before = call.loop.tasks.get();
            call.play(1, 3);
            call.playback.mark("after three");
            return call.loop.tasks.get() - before;
        });
        assertEquals(0, tasks, "the audio and the mark went straight into the playlist");
        call.awaitFrames(3);
        assertEquals(List.of(1, 2, 3), call.values());
        call.awaitMarks(1);
    }

    @Test
    void aCommandFromAnotherThreadStillInTheInboxGoesFirst() throws Exception {
        call.onLoop(() -> {
            // another thread plays first; its task waits behind this one, so its audio is still in the inbox
            Thread other = new Thread(() -> call.play(1, 2));
            other.start();
            other.join();
            call.play(3, 2);
            return null;
        });
        call.awaitFrames(4);
        assertEquals(List.of(1, 2, 3, 4), call.values(), "in the order the commands were given");
    }

    @Test
    void aCommandGivenDuringATickIsPacedLikeAnyOther() throws Exception {
        int frames = 6;
        // a first frame and mark, so that the frames measured below are not late for the loading of classes: late
        // ones would make a second pacing chain look slower than it is
        call.play(100, 1);
        call.playback.mark("warm");
        call.awaitMarks(1);
        call.received.clear();
        // the mark's listener plays more audio from inside the tick that reached the mark
        call.onMark = () -> call.play(1, frames);
        call.onLoop(() -> {
            call.playback.mark("start");
            return null;
        });
        call.awaitFrames(frames);
        Thread.sleep(100); // a second pacing chain would go on sending
        assertEquals(List.of(1, 2, 3, 4, 5, 6), call.values(), "each frame exactly once");
        // the six frames take 100 ms from the first, which is sent no earlier than the mark (a late loop only makes
        // them later); a second pacing chain would have sent the last one after 80 ms
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(call.arrivalOf(frames) - call.startMarkNanos);
        assertTrue(tookMillis >= (frames - 1) * 20 - 5,
                "paced at 20 ms a frame: the last of 6 frames arrived " + tookMillis + " ms after the mark");
    }
}
