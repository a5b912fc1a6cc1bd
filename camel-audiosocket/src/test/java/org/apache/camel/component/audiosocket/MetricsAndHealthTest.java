package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The camel.audiosocket.* meters and the consumer's health check follow calls as they come and go. */
class MetricsAndHealthTest extends AudioSocketTestSupport {

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // Camel's health API, with the consumers' checks, as camel-main and Spring Boot enable it
        HealthCheckRegistry health = new DefaultHealthCheckRegistry(camel);
        camel.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, health);
        health.register(health.resolveById("consumers"));
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("")).routeId("calls").process(events);
                from("direct:play").to(audiosocket(""));
            }
        };
    }

    @Test
    void metersFollowTheCalls() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (SimulatedCall call = SimulatedCall.to("127.0.0.1", port).uuid(uuid).dial()) {
            call.play(Frames.pattern(1, 3200), 8000, false); // 10 frames
            events.await(e -> "AUDIO".equals(e.type()) && (Long) e.header(AudioSocketConstants.SEQUENCE) == 11, 5,
                    TimeUnit.SECONDS);
            assertEquals(1, value("calls.active"));
            assertEquals(1, value("connections.open"));
            assertEquals(1, value("calls"));
            assertEquals(10, value("frames.received"));
            assertEquals(3200, value("bytes.received"));

            // 2 s queued for playback shows in the gauge, then drains as it plays
            template.sendBodyAndHeader("direct:play", new byte[32000], AudioSocketConstants.UUID, uuid.toString());
            assertTrue(value("playback.queued") > 1500, "queued " + value("playback.queued"));
            template.sendBodyAndHeaders("direct:play", null, Map.of(AudioSocketConstants.UUID, uuid.toString(),
                    AudioSocketConstants.COMMAND, "CLEAR"));
            awaitTrue("the queue to empty", 5, TimeUnit.SECONDS, () -> value("playback.queued") == 0);

            // audio that follows a moment after the queue ran dry: an underrun the caller heard as a gap
            template.sendBodyAndHeader("direct:play", new byte[1600], AudioSocketConstants.UUID, uuid.toString());
            template.sendBodyAndHeaders("direct:play", null, Map.of(AudioSocketConstants.UUID, uuid.toString(),
                    AudioSocketConstants.COMMAND, "MARK", AudioSocketConstants.MARK, "dry"));
            events.await(e -> "MARK".equals(e.type()), 5, TimeUnit.SECONDS);
            long before = (long) value("playback.underruns");
            // 50 ms late, or more: of the four frames that follow, two go ahead, making up 40 ms of it
            Thread.sleep(50);
            template.sendBodyAndHeader("direct:play", new byte[4 * 320], AudioSocketConstants.UUID, uuid.toString());
            awaitTrue("the underrun to be counted", 5, TimeUnit.SECONDS,
                    () -> value("playback.underruns") == before + 1);
            awaitTrue("frames sent", 5, TimeUnit.SECONDS, () -> value("frames.sent") >= 9);
            awaitTrue("two frames sent ahead", 5, TimeUnit.SECONDS, () -> value("playback.ahead") == 2);
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        awaitTrue("the call to end", 5, TimeUnit.SECONDS, () -> value("calls.active") == 0);
        assertEquals(1, value("calls"));

        try (SimulatedCall bad = SimulatedCall.connect(port)) {
            bad.sendRaw(new byte[] { 0x42, 0, 0 });
            bad.awaitClosed(Duration.ofSeconds(5));
        }
        awaitTrue("the protocol error to be counted", 5, TimeUnit.SECONDS,
                () -> meters.get("camel.audiosocket.protocol.errors").tag("error", "UNKNOWN_KIND").functionCounter()
                        .count() == 1);
        assertEquals(0, meters.get("camel.audiosocket.protocol.errors").tag("error", "UUID_TIMEOUT").functionCounter()
                .count());

        // the meters go with the server
        context.getRouteController().stopRoute("calls");
        assertNull(meters.find("camel.audiosocket.calls.active").gauge());
    }

    @Test
    void consumerIsReadyWhileItsServerAcceptsCalls() throws Exception {
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            awaitTrue("the call to start", 5, TimeUnit.SECONDS, () -> server("calls").activeCalls() == 1);
            HealthCheck.Result result = consumerCheck();
            assertEquals(HealthCheck.State.UP, result.getState());
            assertEquals(1, result.getDetails().get("audiosocket.calls.active"));
            assertEquals("127.0.0.1:" + port, result.getDetails().get("audiosocket.address"));
        }
        AudioSocketConsumer consumer = (AudioSocketConsumer) context.getRoute("calls").getConsumer();
        context.getRouteController().stopRoute("calls");
        assertEquals(HealthCheck.State.DOWN, consumer.getHealthCheck().call().getState());
    }

    private HealthCheck.Result consumerCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:calls")).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check among " + results.stream()
                        .map(r -> r.getCheck().getId()).toList()));
    }

    private double value(String name) {
        var meter = meters.find("camel.audiosocket." + name).tag("role", "server").meter();
        if (meter == null) {
            throw new AssertionError("no meter camel.audiosocket." + name);
        }
        return meter.measure().iterator().next().getValue();
    }
}
