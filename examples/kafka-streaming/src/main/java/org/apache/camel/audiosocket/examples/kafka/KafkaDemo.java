package org.apache.camel.audiosocket.examples.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.CamelContext;
import org.apache.camel.audiosocket.examples.simulator.CallSimulator;
import org.apache.camel.audiosocket.examples.simulator.SimulatorOptions;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole example in one JVM, no broker or PBX needed: a Kafka broker (KRaft), gateway nodes a (port 9092) and b
 * (9093), a responder, and the call simulator dialling {@code -Dsimulate.calls} calls (default 10) into each node and
 * checking that every call hears its own audio back, byte for byte.
 */
public final class KafkaDemo {

    private KafkaDemo() {
    }

    public static void main(String[] args) throws Exception {
        String calls = System.getProperty("simulate.calls", "10");
        String duration = System.getProperty("simulate.duration", "10s");
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4, "calls", "call-responses.a",
                "call-responses.b");
        kafka.afterPropertiesSet();
        boolean ok = false;
        try (CamelContext a = ExampleNodes.start(new CallGatewayRoutes(), "a", 9092, kafka.getBrokersAsString());
             CamelContext b = ExampleNodes.start(new CallGatewayRoutes(), "b", 9093, kafka.getBrokersAsString());
             CamelContext responder = ExampleNodes.start(new ResponderRoutes(), "-", 0, kafka.getBrokersAsString())) {
            System.out.println("Kafka at " + kafka.getBrokersAsString() + "; gateway a on 9092, b on 9093; responder up");
            List<CompletableFuture<CallSimulator.Summary>> nodes = List.of(9092, 9093).stream()
                    .map(port -> CompletableFuture.supplyAsync(() -> simulate(port, calls, duration))).toList();
            ok = nodes.stream().map(CompletableFuture::join).allMatch(CallSimulator.Summary::success);
        } finally {
            kafka.destroy();
        }
        System.out.println(ok ? "Every call heard its own audio back through Kafka." : "Some calls did not: see above.");
        System.exit(ok ? 0 : 1);
    }

    private static CallSimulator.Summary simulate(int port, String calls, String duration) {
        try {
            return new CallSimulator(SimulatorOptions.parse("--port", String.valueOf(port), "--calls", calls, "--ramp",
                    "2s", "--duration", duration, "--echo-check", "--progress", "5s"), System.out).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
