package org.apache.camel.component.audiosocket.session;

import java.util.List;

import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A frame is counted as sent before it is written, so that whoever has seen a frame arrive reads counts that include
 * it (the server's metrics, and a test that compares them with what a call received). On a local channel pair on one
 * event loop the far end reads a frame inside the write, so the order is seen exactly.
 */
class PlaybackCountsTest {

    @AutoClose
    private final LocalPlaybackCall call = LocalPlaybackCall.withoutCatchUp();

    @Test
    void aPlayedFrameIsCountedBeforeTheFarEndCanSeeIt() throws Exception {
        call.play(1, 3);
        call.awaitFrames(3);
        assertEquals(List.of(0, 1, 2), call.receivedWhenCounted, "frames the far end had when each was counted");
        assertEquals(3, call.playback.framesSent());
    }

    @Test
    void aKeepAliveFrameIsCountedBeforeTheFarEndCanSeeIt() throws Exception {
        call.onLoop(() -> {
            call.playback.keepAlive(AudioSocketKind.SLIN_8000);
            return null;
        });
        call.awaitFrames(1);
        assertEquals(List.of(0), call.receivedWhenCounted, "frames the far end had when the silence was counted");
        assertEquals(1, call.playback.framesSent());
    }
}
