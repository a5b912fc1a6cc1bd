package org.apache.camel.audiosocket.examples.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway nodes and one responder on a real Kafka broker (KRaft, in this JVM). Calls land on both nodes; every
 * call's audio and events reach the calls topic keyed by its UUID, in order, with its metadata in plain headers; the
 * responder's answer (the caller's own audio) goes to the topic of the node that holds the call and is played into
 * that call: byte for byte, none lost, none on the wrong node.
 */
class KafkaStreamingTest {

    private static final int CALLS_PER_NODE = 3;
    private static final Duration CALL_AUDIO = Duration.ofSeconds(2);
    private static final int BYTES = (int) (CALL_AUDIO.toMillis() * 16); // 8 kHz, 16-bit
    private static final List<String> TOPICS = List.of("calls", "call-responses.a", "call-responses.b");

    private static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 4, TOPICS.toArray(String[]::new));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @Test
    void everyResponseIsPlayedIntoItsCallOnTheNodeThatHoldsIt() throws Exception {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        Map<String, Call> calls = new LinkedHashMap<>();
        try (CamelContext nodeA = ExampleNodes.start(new CallGatewayRoutes(), "a", portA, kafka.getBrokersAsString());
             CamelContext nodeB = ExampleNodes.start(new CallGatewayRoutes(), "b", portB, kafka.getBrokersAsString());
             CamelContext responder = ExampleNodes.start(new ResponderRoutes(), "-", 0, kafka.getBrokersAsString())) {
            ExecutorService callers = Executors.newFixedThreadPool(2 * CALLS_PER_NODE);
            try {
                List<Future<Call>> running = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_NODE; i++) {
                    int seed = i;
                    running.add(callers.submit(() -> call("a", portA, seed)));
                    running.add(callers.submit(() -> call("b", portB, 100 + seed)));
                }
                for (Future<Call> call : running) {
                    Call done = call.get(60, TimeUnit.SECONDS);
                    calls.put(done.uuid, done);
                }
            } finally {
                callers.shutdownNow();
            }
        }

        for (Call call : calls.values()) {
            assertArrayEquals(call.said, call.heard, "call " + call.uuid + " on node " + call.node
                                                     + " heard exactly its own audio back");
        }

        Map<String, List<ConsumerRecord<String, byte[]>>> byCall = records("calls", calls.size(), "HANGUP");
        for (Call call : calls.values()) {
            List<ConsumerRecord<String, byte[]>> records = byCall.get(call.uuid);
            List<String> events = records.stream().map(r -> header(r, "AudioSocketEventType")).toList();
            List<String> expected = new ArrayList<>(List.of("CALL_START"));
            expected.addAll(List.of("AUDIO", "AUDIO", "AUDIO", "AUDIO", "AUDIO", "DTMF"));
            expected.addAll(List.of("AUDIO", "AUDIO", "AUDIO", "AUDIO", "AUDIO", "HANGUP"));
            assertEquals(expected, events, "call " + call.uuid + ": its events in order, 200 ms chunks");
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                assertEquals(call.uuid, record.key(), "keyed by call");
                assertEquals(records.get(0).partition(), record.partition(), "one partition per call");
                assertEquals(call.uuid, header(record, "AudioSocketUuid"));
                assertEquals(call.node, header(record, "CallNode"));
                assertEquals(String.valueOf(i + 1), header(record, "AudioSocketSequence"));
                for (Header h : record.headers()) {
                    assertTrue(!h.key().startsWith("Camel"), "no Camel header crosses into Kafka: " + h.key());
                }
                if ("AUDIO".equals(header(record, "AudioSocketEventType"))) {
                    assertEquals("8000", header(record, "AudioSocketSampleRate"));
                    assertEquals("SLIN", header(record, "AudioSocketCodec"));
                    audio.writeBytes(record.value());
                }
            }
            assertEquals("5", header(records.get(6), "AudioSocketDtmfDigit"));
            assertEquals("REMOTE_CLOSED", header(records.get(12), "AudioSocketHangupReason"));
            assertArrayEquals(call.said, audio.toByteArray(), "call " + call.uuid + ": its audio in Kafka, byte for byte");
        }

        for (String node : List.of("a", "b")) {
            List<Call> held = calls.values().stream().filter(c -> c.node.equals(node)).toList();
            Map<String, List<ConsumerRecord<String, byte[]>>> responses = records("call-responses." + node, held.size(),
                    null);
            assertEquals(held.stream().map(c -> c.uuid).sorted().toList(), responses.keySet().stream().sorted().toList(),
                    "node " + node + " got the responses of its own calls and no other");
        }
    }

    /** One simulated call: 1 s of audio, digit 5, 1 s more; waits for all of it to come back, then hangs up. */
    private static Call call(String node, int port, long seed) throws Exception {
        byte[] said = new byte[BYTES];
        new Random(seed).nextBytes(said);
        try (SimulatedCall call = SimulatedCall.dial(port)) {
            call.play(java.util.Arrays.copyOfRange(said, 0, BYTES / 2));
            call.sendDtmf("5");
            call.play(java.util.Arrays.copyOfRange(said, BYTES / 2, BYTES));
            byte[] heard = call.awaitAudio(CALL_AUDIO, Duration.ofSeconds(30));
            call.hangup();
            return new Call(call.uuid().toString(), node, said, heard);
        }
    }

    private record Call(String uuid, String node, byte[] said, byte[] heard) {
    }

    /** The records of a topic by call, read until {@code calls} calls are seen (and each has its {@code last} event). */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> records(String topic, int calls, String last) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<ConsumerRecord<String, byte[]>>> byCall = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!complete(byCall, calls, last)) {
                assertTrue(System.nanoTime() < deadline, "records of " + calls + " calls in " + topic + ": " + byCall.keySet());
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byCall.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                }
            }
            // nothing more is coming: a record after the last event would be a duplicate
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                byCall.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
            }
        }
        return byCall;
    }

    private static boolean complete(Map<String, List<ConsumerRecord<String, byte[]>>> byCall, int calls, String last) {
        return byCall.size() >= calls && (last == null || byCall.values().stream()
                .allMatch(records -> last.equals(header(records.get(records.size() - 1), "AudioSocketEventType"))));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
