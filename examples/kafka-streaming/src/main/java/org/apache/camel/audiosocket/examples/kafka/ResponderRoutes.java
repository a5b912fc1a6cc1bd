package org.apache.camel.audiosocket.examples.kafka;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.AudioSocketPlainHeaders;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The processing application: consumes every call's audio from Kafka and answers into the call through the node that
 * holds it. Here the answer is the caller's own audio, an echo, which shows the whole round trip byte for byte; a
 * real one would run speech recognition, a bot, or a translator and answer with its own audio. Any number of
 * responders can share the work: they form one consumer group, and Kafka gives each a share of the partitions, with
 * every call's audio in one of them, in order.
 */
public class ResponderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{kafka.calls-topic}}?brokers={{kafka.brokers}}&groupId=responder&autoOffsetReset=earliest"
             + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("responder")
                .process(AudioSocketPlainHeaders::restore)
                .setHeader(CallGatewayRoutes.NODE, header(CallGatewayRoutes.NODE).convertToString())
                .filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("AUDIO"))
                    // the response: the same audio, at the same rate (AudioSocketSampleRate), for the same call
                    .setHeader(KafkaConstants.KEY, header(AudioSocketConstants.UUID))
                    .toD("kafka:{{kafka.responses-topic-prefix}}${header." + CallGatewayRoutes.NODE + "}"
                         + "?brokers={{kafka.brokers}}"
                         + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                         + "&lingerMs={{kafka.linger-ms}}");
    }
}
