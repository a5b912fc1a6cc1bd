package org.apache.camel.audiosocket.examples.jms;

import org.apache.camel.main.Main;

/**
 * Runs the gateway ({@code role=gateway}), the recorder ({@code role=recorder}), or both in one JVM ({@code role=both},
 * the default) against the Artemis broker at {@code jms.broker-url} (the JMS connection factory is set up in
 * {@code application.properties}, as camel-main beans). The options are in
 * {@code application.properties}; system properties ({@code -Djms.broker-url=tcp://mq:61616}) and environment
 * variables ({@code JMS_BROKER_URL=...}) override them.
 */
public final class JmsRecorderApplication {

    private JmsRecorderApplication() {
    }

    public static void main(String... args) throws Exception {
        newMain(System.getProperty("role", System.getenv().getOrDefault("ROLE", "both"))).run(args);
    }

    static Main newMain(String role) {
        if (!role.matches("gateway|recorder|both")) {
            throw new IllegalArgumentException("role must be gateway, recorder or both, not " + role);
        }
        Main main = new Main();
        if (role.equals("gateway") || role.equals("both")) {
            main.configure().addRoutesBuilder(new CallsToJmsRoutes());
        }
        if (role.equals("recorder") || role.equals("both")) {
            main.configure().addRoutesBuilder(new JmsRecorderRoutes());
        }
        return main;
    }
}
