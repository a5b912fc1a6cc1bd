package org.apache.camel.component.audiosocket.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.apache.camel.component.audiosocket.AudioSocketConsumer;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.test.junit5.CamelTestSupport;

/** Base of the tests that run real routes on a real port: a free port, an event collector, the running server. */
public abstract class AudioSocketTestSupport extends CamelTestSupport {

    protected final int port = FreePorts.next();
    protected final EventCollector events = new EventCollector();

    /** The endpoint URI of the consumer under test. */
    protected String audiosocket(String options) {
        return "audiosocket:127.0.0.1:" + port + (options.isEmpty() ? "" : "?" + options);
    }

    /** The server of the route with the given id. */
    protected AudioSocketServer server(String routeId) {
        return ((AudioSocketConsumer) context.getRoute(routeId).getConsumer()).getServer();
    }

    /** Polls a condition until it holds; fails the test after the timeout. */
    public static void awaitTrue(String what, long timeout, TimeUnit unit, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " " + unit + " waiting for: " + what);
            }
            Thread.sleep(2);
        }
    }
}
