package org.apache.camel.component.audiosocket.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.component.audiosocket.session.CallRegistry;

/** The meters themselves: only loaded when Micrometer is on the classpath. */
final class MicrometerMeters {

    static final String PREFIX = "camel.audiosocket.";

    private MicrometerMeters() {
    }

    /** Registers the meters, or returns null when the context has no MeterRegistry. */
    static AutoCloseable bind(CamelContext context, CallRegistry calls, String role, String address) {
        MeterRegistry registry = findRegistry(context);
        if (registry == null) {
            return null;
        }
        Tags tags = Tags.of("role", role, "address", address);
        List<Meter> meters = new ArrayList<>();
        meters.add(gauge(registry, "calls.active", "Calls up now", tags, calls, CallRegistry::activeCalls, null));
        meters.add(gauge(registry, "connections.open", "Open connections, including calls not started yet", tags,
                calls, CallRegistry::openConnections, null));
        meters.add(counter(registry, "calls", "Calls started", tags, calls, CallRegistry::callsTotal, null));
        meters.add(counter(registry, "frames.received", "Audio frames received", tags, calls,
                CallRegistry::framesReceived, null));
        meters.add(counter(registry, "frames.sent", "Audio frames sent, keep-alive silence included", tags, calls,
                CallRegistry::framesSent, null));
        meters.add(counter(registry, "bytes.received", "Bytes of audio received", tags, calls,
                CallRegistry::bytesReceived, "bytes"));
        meters.add(counter(registry, "bytes.sent", "Bytes of audio sent", tags, calls, CallRegistry::bytesSent, "bytes"));
        meters.add(gauge(registry, "playback.queued", "Audio waiting to be played, over all calls", tags, calls,
                CallRegistry::queuedPlaybackMillis, "milliseconds"));
        meters.add(counter(registry, "playback.underruns",
                "Times audio to play arrived within 200 ms of a call's playback running dry", tags, calls,
                CallRegistry::playbackUnderruns, null));
        meters.add(counter(registry, "playback.ahead",
                "Frames sent in addition to the one per 20 ms, making up for audio to play that came late", tags, calls,
                CallRegistry::playbackFramesAhead, null));
        meters.add(counter(registry, "backpressure.pauses",
                "Times a call's socket stopped being read because its route fell behind", tags, calls,
                CallRegistry::readPauses, null));
        meters.add(counter(registry, "backpressure.long.pauses",
                "Times a call's socket stayed paused longer than readPauseWarnThreshold", tags, calls,
                CallRegistry::longReadPauses, null));
        meters.add(counter(registry, "playback.dropped",
                "Frames not written into calls whose peer stopped reading", tags, calls,
                CallRegistry::playbackFramesDropped, null));
        meters.add(counter(registry, "internal.errors", "Failures that were neither the peer's nor the network's fault",
                tags, calls, CallRegistry::internalErrors, null));
        for (CallRegistry.RefusalReason reason : CallRegistry.RefusalReason.values()) {
            meters.add(counter(registry, "connections.refused", "Connections closed as soon as they were accepted",
                    tags.and("reason", reason.name()), calls, c -> c.refusedConnections(reason), null));
        }
        for (AudioSocketProtocolError error : AudioSocketProtocolError.values()) {
            meters.add(counter(registry, "protocol.errors", "Connections closed for breaking the protocol",
                    tags.and("error", error.name()), calls, c -> c.protocolErrors(error), null));
        }
        return () -> meters.forEach(registry::remove);
    }

    /** The one MeterRegistry; where there are several (Spring Boot with more than one backend), their composite. */
    private static MeterRegistry findRegistry(CamelContext context) {
        Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
        if (found.size() == 1) {
            return found.iterator().next();
        }
        List<MeterRegistry> composites = found.stream().filter(CompositeMeterRegistry.class::isInstance).toList();
        return composites.size() == 1 ? composites.get(0) : null;
    }

    private static Meter gauge(
            MeterRegistry registry, String name, String description, Tags tags, CallRegistry calls,
            ToDoubleFunction<CallRegistry> value, String unit) {
        return Gauge.builder(PREFIX + name, calls, value).description(description).tags(tags).baseUnit(unit)
                .strongReference(true).register(registry);
    }

    private static Meter counter(
            MeterRegistry registry, String name, String description, Tags tags, CallRegistry calls,
            ToDoubleFunction<CallRegistry> value, String unit) {
        return FunctionCounter.builder(PREFIX + name, calls, value).description(description).tags(tags).baseUnit(unit)
                .register(registry);
    }
}
