package org.apache.camel.component.audiosocket.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML DSL route file with audiosocket: endpoints runs under Spring Boot and takes a simulated call. */
@SpringBootTest(classes = StarterTestApplication.class,
                properties = "camel.main.routes-include-pattern=classpath:routes/ivr.yaml")
class YamlRoutesTest {

    private static final int PORT = FreePort.next();
    private static final byte[] GREETING = SimulatedCall.tone(660, 8000, Duration.ofMillis(200));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path greeting = Files.createTempFile("greeting", ".wav");
        Files.write(greeting, Wav.wrap(GREETING, 8000));
        greeting.toFile().deleteOnExit();
        registry.add("test.yamlPort", () -> PORT);
        registry.add("test.port", FreePort::next); // the application's own echo route
        registry.add("test.greeting", greeting::toString);
    }

    @Test
    void yamlRouteGreetsAndHangsUp() throws Exception {
        try (SimulatedCall call = SimulatedCall.dial(PORT)) {
            assertArrayEquals(GREETING, call.awaitAudio(Duration.ofMillis(200), Duration.ofSeconds(5)));
            call.sendDtmf("#");
            assertTrue(call.awaitHangup(Duration.ofSeconds(5)), "the YAML route hung up on #");
        }
    }
}
