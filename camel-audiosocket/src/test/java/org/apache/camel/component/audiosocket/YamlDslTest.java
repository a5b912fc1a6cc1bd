package org.apache.camel.component.audiosocket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A route written in the YAML DSL (src/test/resources/yaml), loaded by camel-main, takes a simulated call. */
class YamlDslTest {

    @TempDir
    Path dir;

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void yamlRouteGreetsTheCallerAndHangsUpOnHash() throws Exception {
        byte[] greeting = SimulatedCall.tone(523, 16000, Duration.ofMillis(200)); // 16 kHz, from the WAV's header
        Path wav = Files.write(dir.resolve("greeting.wav"), Wav.wrap(greeting, 16000));
        int port = FreePorts.next();
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:yaml/audiosocket-routes.yaml");
        main.addOverrideProperty("audiosocket.port", String.valueOf(port));
        main.addOverrideProperty("greeting.file", wav.toString());
        main.start();

        try (SimulatedCall call = SimulatedCall.dial(port)) {
            byte[] heard = call.awaitAudio(Duration.ofMillis(200), Duration.ofSeconds(5));
            assertArrayEquals(greeting, heard);
            assertTrue(call.received().stream().allMatch(m -> m.kind() == 0x12 && m.payload().length == 640),
                    "20 ms slin16 frames");
            call.sendDtmf("1#");
            assertTrue(call.awaitHangup(Duration.ofSeconds(5)), "the route hung up on #");
        }
        MockEndpoint events = main.getCamelContext().getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(4);
        events.assertIsSatisfied(5000);
        assertEquals(List.of("CALL_START", "DTMF", "DTMF", "HANGUP"), events.getExchanges().stream()
                .map(e -> e.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE, String.class)).toList());
        AudioSocketEndpoint endpoint = (AudioSocketEndpoint) main.getCamelContext().getRoute("yaml-calls")
                .getEndpoint();
        assertEquals(100, endpoint.getConfiguration().getChunkDuration(), "parameters: reach the endpoint");
        assertEquals(1000, endpoint.getConfiguration().getKeepAliveInterval());
    }
}
