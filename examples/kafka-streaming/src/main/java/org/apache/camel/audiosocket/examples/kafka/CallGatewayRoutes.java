package org.apache.camel.audiosocket.examples.kafka;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.AudioSocketPlainHeaders;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * One gateway node. Asterisk's calls connect here; every event of every call goes to one Kafka topic, keyed by the
 * call's UUID, so that a call's audio, digits and hangup stay in order in one partition. Responses for the calls this
 * node holds come back on this node's own topic ({@code kafka.responses-topic-prefix} + {@code node.id}) and are
 * played into the call.
 *
 * <p>
 * A call's TCP connection lives on one node, but its response may be produced by any processor anywhere: every record
 * carries the id of the node that holds the call ({@value #NODE}), and a processor sends its response to that node's
 * topic. Each node consumes only its own topic, in its own consumer group, so every response reaches the
 * one node that can play it, and no node sees the others' traffic.
 *
 * <p>
 * Camel's Kafka header filter drops {@code Camel*} headers by design: the call's metadata crosses as the plain headers
 * of {@link AudioSocketPlainHeaders} ({@code AudioSocketUuid}, {@code AudioSocketEventType}...), as text.
 */
public class CallGatewayRoutes extends RouteBuilder {

    /** The header naming the gateway node that holds a call: where responses for it must go. */
    public static final String NODE = "CallNode";

    @Override
    public void configure() {
        String node = getContext().resolvePropertyPlaceholders("{{node.id}}");

        from("audiosocket:{{gateway.host}}:{{gateway.port}}?chunkDuration={{gateway.chunk-duration}}"
             + "&nativeTransport={{gateway.native-transport}}")
                .routeId("calls-to-kafka")
                .process(AudioSocketPlainHeaders::export)
                .setHeader(NODE, constant(node))
                .setHeader(KafkaConstants.KEY, header(AudioSocketConstants.UUID))
                // an event other than audio is all headers: send it with an empty value rather than none
                .filter(body().isNull()).setBody(constant(new byte[0])).end()
                .to("kafka:{{kafka.calls-topic}}?brokers={{kafka.brokers}}"
                    + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                    + "&lingerMs={{kafka.linger-ms}}");

        from("kafka:{{kafka.responses-topic-prefix}}" + node + "?brokers={{kafka.brokers}}&groupId=gateway-" + node
             + "&autoOffsetReset=earliest"
             + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("kafka-to-calls")
                .onException(AudioSocketCallNotFoundException.class)
                    // the caller hung up before the response came: nobody left to play it to
                    .handled(true)
                    .log(LoggingLevel.DEBUG, "Response for ended call ${header.AudioSocketUuid} dropped")
                .end()
                .process(AudioSocketPlainHeaders::restore)
                .to("audiosocket:{{gateway.host}}:{{gateway.port}}");
    }
}
