package org.apache.camel.component.audiosocket.metrics;

import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.session.CallRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a server's or client's figures as Micrometer meters named {@code camel.audiosocket.*}, when Micrometer is
 * on the classpath and the CamelContext's registry holds a {@code MeterRegistry} (Spring Boot's actuator provides one;
 * with camel-main, bind one). Without either, nothing happens: Micrometer is an optional dependency.
 */
public final class AudioSocketMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketMetrics.class);
    private static final boolean MICROMETER = isOnClasspath("io.micrometer.core.instrument.MeterRegistry");
    private static final AutoCloseable NOTHING = () -> {
    };

    private AudioSocketMetrics() {
    }

    /**
     * Binds the figures of {@code calls}, tagged with its role (server or client) and address, to the MeterRegistry of
     * the context, if there is one.
     *
     * @return what removes the meters again, when the server or client stops
     */
    public static AutoCloseable bind(CamelContext context, CallRegistry calls, String role, String address) {
        if (!MICROMETER) {
            return NOTHING;
        }
        AutoCloseable binding = MicrometerMeters.bind(context, calls, role, address);
        if (binding == null) {
            LOG.debug("No Micrometer MeterRegistry in the registry: AudioSocket {} {} publishes no metrics", role,
                    address);
            return NOTHING;
        }
        return binding;
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, AudioSocketMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
