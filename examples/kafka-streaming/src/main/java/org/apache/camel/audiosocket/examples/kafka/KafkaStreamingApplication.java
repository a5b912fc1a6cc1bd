package org.apache.camel.audiosocket.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs a gateway node ({@code role=gateway}, the default) or a responder ({@code role=responder}) until stopped. The
 * options are in {@code application.properties}; system properties ({@code -Dnode.id=b}) and environment variables
 * ({@code NODE_ID=b}) override them.
 */
public final class KafkaStreamingApplication {

    private KafkaStreamingApplication() {
    }

    public static void main(String... args) throws Exception {
        newMain(System.getProperty("role", System.getenv().getOrDefault("ROLE", "gateway"))).run(args);
    }

    static Main newMain(String role) {
        Main main = new Main();
        switch (role) {
            case "gateway" -> main.configure().addRoutesBuilder(new CallGatewayRoutes());
            case "responder" -> main.configure().addRoutesBuilder(new ResponderRoutes());
            default -> throw new IllegalArgumentException("role must be gateway or responder, not " + role);
        }
        main.configure().setName(role);
        return main;
    }
}
