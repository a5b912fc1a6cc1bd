package org.apache.camel.component.audiosocket.springboot;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.AudioSocketComponent;
import org.apache.camel.component.audiosocket.AudioSocketEndpoint;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spring Boot application with the starter: camel.component.audiosocket.* reaches the component, a route takes
 * a simulated call and plays audio back, and the actuator shows the consumer's health and the calls' metrics.
 */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.audiosocket.chunk-duration=100",
        "camel.component.audiosocket.codec=ulaw",
        "camel.component.audiosocket.keep-alive-interval=1000",
        "camel.component.audiosocket.pool-size=4",
        "camel.component.audiosocket.max-pending-exchanges=80",
        "management.endpoint.health.show-details=always",
        "camel.health.exposure-level=full" })
class AudioSocketStarterTest {

    private static final int PORT = FreePort.next();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("test.port", () -> PORT);
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private HealthEndpoint health;

    @Autowired
    private MeterRegistry meters;

    @Test
    void propertiesReachTheComponentAndItsEndpoints() {
        AudioSocketComponent component = camelContext.getComponent("audiosocket", AudioSocketComponent.class);
        assertEquals(100, component.getConfiguration().getChunkDuration());
        assertEquals(AudioCodec.ULAW, component.getConfiguration().getCodec());
        assertEquals(1000, component.getConfiguration().getKeepAliveInterval());
        assertEquals(4, component.getConfiguration().getPoolSize());
        assertEquals(80, component.getConfiguration().getMaxPendingExchanges());

        AudioSocketEndpoint echo = (AudioSocketEndpoint) camelContext.getRoute("echo").getEndpoint();
        assertEquals(100, echo.getConfiguration().getChunkDuration(), "inherited from the component");
        assertEquals(AudioCodec.SLIN, echo.getConfiguration().getCodec(), "overridden by the URI");
    }

    @Test
    void routeTakesACallAndPlaysAudioBackWithHealthAndMetrics() throws Exception {
        byte[] hello = SimulatedCall.tone(440, 8000, Duration.ofMillis(300));
        try (SimulatedCall call = SimulatedCall.dial(PORT)) {
            call.play(hello);
            assertArrayEquals(hello, call.awaitAudio(Duration.ofMillis(300), Duration.ofSeconds(5)), "the echo");

            assertEquals(1.0, meters.get("camel.audiosocket.calls.active").gauge().value());
            assertTrue(meters.get("camel.audiosocket.frames.received").functionCounter().count() >= 15);
            assertTrue(meters.get("camel.audiosocket.frames.sent").functionCounter().count() >= 15);

            IndicatedHealthDescriptor camelHealth = (IndicatedHealthDescriptor) health.healthForPath("camelHealth");
            assertEquals(Status.UP, camelHealth.getStatus());
            String details = camelHealth.getDetails().toString();
            assertTrue(details.contains("consumer:echo") && details.contains("audiosocket.calls.active=1"), details);
        }
        awaitActiveCalls(0);
        assertEquals(1.0, meters.get("camel.audiosocket.calls").functionCounter().count());
    }

    private void awaitActiveCalls(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (meters.get("camel.audiosocket.calls.active").gauge().value() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("active calls did not become " + expected);
            }
            Thread.sleep(5);
        }
    }
}
