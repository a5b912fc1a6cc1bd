package org.apache.camel.component.audiosocket.support;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.audiosocket.AudioSocketConstants;

/** Records every exchange a consumer route sees, in arrival order, and lets a test wait for what it expects. */
public final class EventCollector implements Processor {

    /** What an exchange carried when the route saw it. */
    public record Event(String uuid, String type, Map<String, Object> headers, Object body, String thread) {

        public byte[] bytes() {
            return (byte[]) body;
        }

        public Object header(String name) {
            return headers.get(name);
        }
    }

    private final List<Event> events = new ArrayList<>();

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> headers = new HashMap<>(exchange.getMessage().getHeaders());
        Event event = new Event((String) headers.get(AudioSocketConstants.UUID),
                (String) headers.get(AudioSocketConstants.EVENT_TYPE), headers, exchange.getMessage().getBody(),
                Thread.currentThread().getName());
        synchronized (this) {
            events.add(event);
            notifyAll();
        }
    }

    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> events(String uuid) {
        return events().stream().filter(e -> uuid.equals(e.uuid())).collect(Collectors.toList());
    }

    public List<Event> ofType(String uuid, String type) {
        return events(uuid).stream().filter(e -> type.equals(e.type())).collect(Collectors.toList());
    }

    /** The audio of all AUDIO events of a call, concatenated in order. */
    public byte[] audio(String uuid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Event e : ofType(uuid, "AUDIO")) {
            out.writeBytes(e.bytes());
        }
        return out.toByteArray();
    }

    /** Waits until some event matches; fails the test after the timeout. */
    public Event await(Predicate<Event> condition, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (true) {
                for (Event e : events) {
                    if (condition.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching event within " + timeout + " " + unit + "; got " + summary());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Waits for the HANGUP of a call. */
    public Event awaitHangup(String uuid, long timeout, TimeUnit unit) throws InterruptedException {
        return await(e -> uuid.equals(e.uuid()) && "HANGUP".equals(e.type()), timeout, unit);
    }

    /** Waits until {@code count} events have arrived in total. */
    public void awaitCount(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (events.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " events within " + timeout + " " + unit + "; got "
                                             + summary());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private String summary() {
        return events.size() + " events: " + events.stream().limit(20).map(e -> e.type() + "(" + e.uuid() + ")")
                .collect(Collectors.joining(", ")) + (events.size() > 20 ? ", ..." : "");
    }
}
