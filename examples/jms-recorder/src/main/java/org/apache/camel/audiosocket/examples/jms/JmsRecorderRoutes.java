package org.apache.camel.audiosocket.examples.jms;

import java.nio.file.Path;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketPlainHeaders;
import org.apache.camel.component.audiosocket.audio.CallRecorder;

/**
 * The recorder: consumes the queue and writes {@code <recordings.dir>/<uuid>.wav} for every call, with the component's
 * {@link CallRecorder} once the JMS properties are the component's headers again. Several consumers share the queue;
 * message groups keep each call's messages in order on one of them.
 */
public class JmsRecorderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        CallRecorder recorder = new CallRecorder(Path.of(getContext().resolvePropertyPlaceholders("{{recordings.dir}}")));

        from("jms:queue:{{jms.queue}}?concurrentConsumers={{jms.consumers}}")
                .routeId("jms-to-recordings")
                .process(AudioSocketPlainHeaders::restore)
                .bean(recorder, "record")
                .filter(header(CallRecorder.RECORDING).isNotNull())
                    .log("Call ${header.AudioSocketUuid} recorded in ${header." + CallRecorder.RECORDING + "}");
    }
}
