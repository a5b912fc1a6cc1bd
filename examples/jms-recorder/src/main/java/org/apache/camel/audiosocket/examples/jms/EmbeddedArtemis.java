package org.apache.camel.audiosocket.examples.jms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A real ActiveMQ Artemis broker in this JVM, listening on a free TCP port of loopback, keeping nothing on disk: the
 * demo's broker and the test's.
 */
final class EmbeddedArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    /** On a port free now: the demo's. */
    EmbeddedArtemis() throws Exception {
        this(freePort());
    }

    /** On the given port: the test's, which takes it from below the range of its own outgoing connections. */
    EmbeddedArtemis(int port) throws Exception {
        url = "tcp://127.0.0.1:" + port;
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", url));
        broker.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
