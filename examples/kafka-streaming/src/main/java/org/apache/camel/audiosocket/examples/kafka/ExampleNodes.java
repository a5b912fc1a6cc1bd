package org.apache.camel.audiosocket.examples.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Starts the example's routes in a Camel context of their own: one per node, as if each ran in its own JVM. */
final class ExampleNodes {

    private ExampleNodes() {
    }

    /** The routes with the example's application.properties, for node {@code node} on {@code port}, using the broker. */
    static CamelContext start(RouteBuilder routes, String node, int port, String brokers) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(routes.getClass().getSimpleName() + "-" + node);
        Properties properties = new Properties();
        try (InputStream in = ExampleNodes.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IOException("application.properties is not on the classpath");
            }
            properties.load(in);
        }
        properties.setProperty("node.id", node);
        properties.setProperty("gateway.host", "127.0.0.1");
        properties.setProperty("gateway.port", String.valueOf(port));
        properties.setProperty("kafka.brokers", brokers);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
