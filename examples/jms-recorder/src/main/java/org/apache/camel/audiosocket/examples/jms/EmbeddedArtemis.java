package org.apache.camel.audiosocket.examples.jms;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.AvailablePortFinder;

/** A real ActiveMQ Artemis broker in this JVM, listening on a TCP port of loopback, keeping nothing on disk. */
final class EmbeddedArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    EmbeddedArtemis() throws Exception {
        url = "tcp://127.0.0.1:" + AvailablePortFinder.getNextAvailable();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", url));
        broker.start();
    }

    /** Where clients connect: {@code tcp://127.0.0.1:<port>}. */
    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
