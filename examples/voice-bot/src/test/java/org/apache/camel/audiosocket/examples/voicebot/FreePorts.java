package org.apache.camel.audiosocket.examples.voicebot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the tests' servers, below the range the system takes the local ports of outgoing connections from (32768
 * and up on Linux): a port picked there, free when picked, could be one of the tests' own connections' by the time the
 * server binds it. Each is free when handed out and handed out once in a JVM; the first is random, so that builds
 * running side by side rarely meet. The component's tests have the same helper; each example module keeps its own
 * copy, as none of them depends on another's tests.
 */
final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int END = 32_768;
    private static final AtomicInteger NEXT = new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(8_000));

    private FreePorts() {
    }

    /** A port no server of this JVM was given before, free now. */
    static int next() {
        for (int port = NEXT.getAndIncrement(); port < END; port = NEXT.getAndIncrement()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("No free port left between " + FIRST + " and " + END);
    }
}
