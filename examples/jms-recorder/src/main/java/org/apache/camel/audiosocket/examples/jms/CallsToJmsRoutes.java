package org.apache.camel.audiosocket.examples.jms;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.AudioSocketPlainHeaders;

/**
 * The gateway: every call's audio (200 ms chunks) and its start and hangup go to one JMS queue, as BytesMessages with
 * the call's metadata as JMS properties. Camel's JMS header filter drops {@code Camel*} headers by design; the
 * metadata crosses as the plain properties of {@link AudioSocketPlainHeaders} ({@code AudioSocketUuid},
 * {@code AudioSocketEventType}, {@code AudioSocketSampleRate}...).
 *
 * <p>
 * {@code JMSXGroupID} is the call's UUID: the broker hands all of a call's messages to one consumer at a time, in
 * order, while different calls are consumed in parallel.
 */
public class CallsToJmsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("audiosocket:{{gateway.host}}:{{gateway.port}}?chunkDuration={{gateway.chunk-duration}}"
             + "&events=CALL_START,AUDIO,HANGUP&nativeTransport={{gateway.native-transport}}")
                .routeId("calls-to-jms")
                .process(AudioSocketPlainHeaders::export)
                .setHeader("JMSXGroupID", header(AudioSocketConstants.UUID))
                // the start and the hangup are all properties: send them with an empty body rather than none
                .filter(body().isNull()).setBody(constant(new byte[0])).end()
                .to("jms:queue:{{jms.queue}}");
    }
}
