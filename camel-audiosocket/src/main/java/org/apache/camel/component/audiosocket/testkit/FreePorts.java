package org.apache.camel.component.audiosocket.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for a test's AudioSocket servers. They lie below the range the system takes the local ports of outgoing
 * connections from (32768 and up on Linux): a test that makes many connections could otherwise find a port it picked
 * from that range, free when picked, taken by one of its own connections by the time its server binds it. Each port is
 * free when it is handed out, and handed out once in a JVM; the first is random, so that builds running side by side
 * rarely meet.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int END = 32_768;
    private static final AtomicInteger NEXT = new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(8_000));

    private FreePorts() {
    }

    /** A port no server of this JVM was given before, free now. */
    public static int next() {
        for (int port = NEXT.getAndIncrement(); port < END; port = NEXT.getAndIncrement()) {
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port left between " + FIRST + " and " + END);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
