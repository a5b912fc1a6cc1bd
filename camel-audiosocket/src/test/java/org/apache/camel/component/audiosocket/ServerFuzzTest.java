package org.apache.camel.component.audiosocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.protocol.AudioFrame;
import org.apache.camel.component.audiosocket.protocol.AudioSocketFrameDecoder;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolError;
import org.apache.camel.component.audiosocket.protocol.AudioSocketProtocolException;
import org.apache.camel.component.audiosocket.protocol.DtmfFrame;
import org.apache.camel.component.audiosocket.protocol.ErrorFrame;
import org.apache.camel.component.audiosocket.protocol.HangupFrame;
import org.apache.camel.component.audiosocket.protocol.InvalidMessage;
import org.apache.camel.component.audiosocket.protocol.LegacyFrame;
import org.apache.camel.component.audiosocket.protocol.UuidFrame;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.support.FuzzInputs;
import org.apache.camel.component.audiosocket.support.ParanoidLeakDetection;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A live server against generated input, each input a connection of its own sent in random pieces, several at once:
 * every connection ends as the decoder alone says it must (the same named error, or none; the same audio bytes, DTMF
 * digits and peer errors delivered to the route first; the same hangup reason), nothing hangs, nothing leaks (PARANOID),
 * no internal error, and a real call running all along loses nothing. CI runs 2,000 inputs; the long mode:
 * {@code ./mvnw -pl camel-audiosocket test -Dtest=ServerFuzzTest -Dfuzz.inputs=1000000}; {@code -Dfuzz.seed=N}
 * repeats a run.
 */
@ExtendWith(ParanoidLeakDetection.class)
class ServerFuzzTest extends AudioSocketTestSupport {

    private static final int MAX_FRAME_SIZE = 4000;
    private static final int CONNECTIONS_AT_ONCE = 8;
    private static final Duration HANG = Duration.ofSeconds(10);

    private final Outcomes outcomes = new Outcomes();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("maxFrameSize=" + MAX_FRAME_SIZE)).routeId("calls").process(outcomes);
            }
        };
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void everyConnectionEndsAsTheProtocolSaysAndNothingElseIsDisturbed() throws Exception {
        long seed = FuzzInputs.seed();
        int count = FuzzInputs.count(2_000);
        System.out.println("ServerFuzzTest: " + count + " inputs, seed " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        FuzzInputs inputs = new FuzzInputs(seed);
        AudioSocketServer server = server("calls");

        AtomicBoolean fuzzing = new AtomicBoolean(true);
        SimulatedCall goodCall = SimulatedCall.dial(port);
        CompletableFuture<Audio> goodCallSaid = CompletableFuture.supplyAsync(() -> talkWhile(goodCall, fuzzing));

        Map<AudioSocketProtocolError, Integer> errors = new EnumMap<>(AudioSocketProtocolError.class);
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS_AT_ONCE);
        long started = System.nanoTime();
        try {
            List<Future<Expectation>> running = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                byte[] input = inputs.next();
                int[] cuts = inputs.cuts(input.length);
                int index = n;
                running.add(connections.submit(() -> connect(index, seed, input, cuts)));
                if (running.size() == 4 * CONNECTIONS_AT_ONCE || n == count - 1) {
                    for (Future<Expectation> connection : running) {
                        Expectation expected = connection.get();
                        if (expected.error != null) {
                            errors.merge(expected.error, 1, Integer::sum);
                        }
                    }
                    running.clear();
                }
            }
        } finally {
            connections.shutdownNow();
            fuzzing.set(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ServerFuzzTest: %d connections in %.1f s (%.0f/s); errors %s%n", count, seconds,
                count / seconds, errors);

        Audio said = goodCallSaid.get(30, TimeUnit.SECONDS);
        goodCall.hangup();
        Outcome good = outcomes.await("127.0.0.1:" + goodCall.localPort(), HANG);
        assertEquals(said, good.audio, "the good call's audio reached the route, all of it, unchanged");
        assertEquals("REMOTE_CLOSED", good.hangupReason);

        assertEquals(0, server.internalErrors(), "internal errors");
        assertEquals(errors.values().stream().mapToLong(Integer::longValue).sum(), server.protocolErrors());
        for (AudioSocketProtocolError error : AudioSocketProtocolError.values()) {
            assertEquals(errors.getOrDefault(error, 0).longValue(), server.protocolErrors(error), error.name());
        }
        assertTrue(outcomes.unclaimed().isEmpty(), "events of no connection: " + outcomes.unclaimed());
        AudioSocketTestSupport.awaitTrue("every connection released", 10, TimeUnit.SECONDS,
                () -> server.openConnections() == 0);
    }

    /** Sends one input over a connection of its own and checks what the route saw of it. */
    private Expectation connect(int index, long seed, byte[] input, int[] cuts) throws IOException, InterruptedException {
        Expectation expected = Expectation.of(input);
        String remote;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            remote = "127.0.0.1:" + socket.getLocalPort();
            OutputStream out = socket.getOutputStream();
            try {
                int from = 0;
                for (int i = 0; i <= cuts.length; i++) {
                    int to = i < cuts.length ? cuts[i] : input.length;
                    out.write(input, from, to - from);
                    out.flush();
                    from = to;
                }
                socket.shutdownOutput();
            } catch (IOException closedByTheServer) {
                // the server found an error and closed before the rest was sent
            }
            awaitServerClose(socket, () -> describe(index, seed, input, cuts, expected));
            // The route's events are told apart by the remote address: claim them while the socket still holds
            // its port, so that a later connection cannot reuse the port and mix its events with these.
            if (expected.callStarted || expected.error != null) {
                Outcome actual = outcomes.await(remote, HANG);
                if (actual == null) {
                    fail("no " + (expected.callStarted ? "HANGUP" : "ERROR") + " for "
                         + describe(index, seed, input, cuts, expected));
                }
                if (!expected.matches(actual)) {
                    fail(describe(index, seed, input, cuts, expected) + " ended as " + actual);
                }
            }
            socket.setSoLinger(true, 0); // no TIME_WAIT: a long run makes a million connections
        }
        return expected;
    }

    private static void awaitServerClose(Socket socket, java.util.function.Supplier<String> what) throws IOException {
        socket.setSoTimeout((int) HANG.toMillis());
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[512];
        try {
            while (in.read(sink) >= 0) {
                // the server sends nothing to a caller that says nothing of its own; discard whatever comes
            }
        } catch (SocketTimeoutException hang) {
            fail("the server did not close the connection within " + HANG + ": " + what.get());
        } catch (IOException reset) {
            // closed with a reset: the server found an error with input unread
        }
    }

    private static String describe(int index, long seed, byte[] input, int[] cuts, Expectation expected) {
        return "input " + index + " of seed " + seed + " (" + input.length + " bytes in " + (cuts.length + 1)
               + " writes: " + HexFormat.of().formatHex(input, 0, Math.min(64, input.length)) + "...; expected "
               + expected + ")";
    }

    /** One second of audio after another, paced, until the fuzzing is over; returns what it said. */
    private static Audio talkWhile(SimulatedCall call, AtomicBoolean fuzzing) {
        Audio said = new Audio();
        try {
            for (int second = 0; fuzzing.get(); second++) {
                byte[] audio = Frames.pattern(second, 16_000);
                call.play(audio);
                said.add(audio);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the good call was disturbed", e);
        }
        return said;
    }

    /** A length and a checksum of audio: a long run's audio is too much to keep. */
    private static final class Audio {
        private final CRC32 crc = new CRC32();
        private long bytes;

        synchronized void add(byte[] audio) {
            crc.update(audio);
            bytes += audio.length;
        }

        @Override
        public synchronized boolean equals(Object o) {
            return o instanceof Audio other && bytes == other.bytes && crc.getValue() == other.crc.getValue();
        }

        @Override
        public synchronized int hashCode() {
            return Long.hashCode(crc.getValue());
        }

        @Override
        public synchronized String toString() {
            return bytes + " bytes, CRC-32 " + Long.toHexString(crc.getValue());
        }
    }

    /** What the decoder alone makes of an input, followed by the end of the stream: what the server must do. */
    private static final class Expectation {
        boolean callStarted;
        String uuid;
        AudioSocketProtocolError error;
        long audioBytes;
        int dtmf;
        int peerErrors;
        int invalidMessages;
        int legacy;
        String hangupReason = "REMOTE_CLOSED";
        final List<String> items = new ArrayList<>();

        static Expectation of(byte[] input) {
            Expectation expected = new Expectation();
            EmbeddedChannel channel = new EmbeddedChannel(new AudioSocketFrameDecoder(MAX_FRAME_SIZE, true));
            List<Object> decoded = new ArrayList<>();
            try {
                try {
                    channel.writeInbound(Unpooled.wrappedBuffer(input));
                } catch (AudioSocketProtocolException e) {
                    drain(channel, decoded);
                    decoded.add(e);
                }
                drain(channel, decoded);
                try {
                    channel.finish();
                } catch (AudioSocketProtocolException e) {
                    decoded.add(e);
                }
                drain(channel, decoded);
                for (Object item : decoded) {
                    if (!expected.take(item)) {
                        break;
                    }
                }
            } finally {
                decoded.forEach(ReferenceCountUtil::release);
                channel.finishAndReleaseAll();
            }
            return expected;
        }

        private static void drain(EmbeddedChannel channel, List<Object> into) {
            for (Object out; (out = channel.readInbound()) != null;) {
                into.add(out);
            }
        }

        /** Takes one decoded item; false when the call ends with it. */
        private boolean take(Object item) {
            items.add(item instanceof AudioSocketProtocolException e ? e.error().name() : item.getClass().getSimpleName());
            if (item instanceof AudioSocketProtocolException e) {
                error = e.error();
                hangupReason = "PROTOCOL_ERROR";
                return false;
            } else if (item instanceof UuidFrame frame) {
                callStarted = true;
                uuid = frame.uuid().toString();
            } else if (item instanceof AudioFrame audio) {
                audioBytes += audio.payloadLength();
            } else if (item instanceof DtmfFrame) {
                dtmf++;
            } else if (item instanceof InvalidMessage) {
                invalidMessages++;
            } else if (item instanceof ErrorFrame) {
                peerErrors++;
            } else if (item instanceof LegacyFrame) {
                legacy++;
            } else if (item instanceof HangupFrame) {
                hangupReason = "REMOTE_HANGUP";
                return false;
            } else {
                throw new AssertionError("the decoder produced " + item);
            }
            return true;
        }

        boolean matches(Outcome actual) {
            return callStarted == actual.callStarted && java.util.Objects.equals(uuid, actual.uuid) && error == actual.protocolError
                   && (!callStarted || audioBytes == actual.audioBytes && dtmf == actual.dtmf
                                       && peerErrors == actual.peerErrors && invalidMessages == actual.invalidMessages
                                       && legacy == actual.legacy
                                       && hangupReason.equals(actual.hangupReason));
        }

        @Override
        public String toString() {
            return "call " + uuid + ", error " + error + ", audio " + audioBytes + " bytes, DTMF " + dtmf
                   + ", peer errors " + peerErrors + ", invalid messages " + invalidMessages + ", legacy " + legacy
                   + ", hangup " + hangupReason + ", decoded " + items;
        }
    }

    /** What the route saw of one connection. */
    private static final class Outcome {
        final CountDownLatch ended = new CountDownLatch(1);
        final Audio audio = new Audio();
        boolean callStarted;
        String uuid;
        AudioSocketProtocolError protocolError;
        long audioBytes;
        int dtmf;
        int peerErrors;
        int invalidMessages;
        int legacy;
        String hangupReason;
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized String toString() {
            return "call " + uuid + ", error " + protocolError + ", audio " + audioBytes + " bytes, DTMF " + dtmf
                   + ", peer errors " + peerErrors + ", invalid messages " + invalidMessages + ", legacy " + legacy
                   + ", hangup " + hangupReason + ", events " + events;
        }
    }

    /** Records the route's events by remote address; a connection has ended with its HANGUP, or its ERROR if no call. */
    private static final class Outcomes implements Processor {
        private final Map<String, Outcome> byRemote = new ConcurrentHashMap<>();

        @Override
        public void process(Exchange exchange) {
            Message message = exchange.getMessage();
            String remote = message.getHeader(AudioSocketConstants.REMOTE_ADDRESS, String.class);
            Outcome outcome = byRemote.computeIfAbsent(remote, r -> new Outcome());
            boolean ended = false;
            synchronized (outcome) {
                outcome.events.add(message.getHeader(AudioSocketConstants.EVENT_TYPE) + "#"
                                   + message.getHeader(AudioSocketConstants.SEQUENCE) + "@" + Thread.currentThread().getName());
                switch (message.getHeader(AudioSocketConstants.EVENT_TYPE, String.class)) {
                    case "CALL_START" -> {
                        outcome.callStarted = true;
                        outcome.uuid = message.getHeader(AudioSocketConstants.UUID, String.class);
                    }
                    case "AUDIO" -> {
                        byte[] audio = message.getBody(byte[].class);
                        outcome.audioBytes += audio.length;
                        outcome.audio.add(audio);
                    }
                    case "DTMF" -> outcome.dtmf++;
                    case "LEGACY_FRAME" -> outcome.legacy++;
                    case "ERROR" -> {
                        String type = message.getHeader(AudioSocketConstants.ERROR_TYPE, String.class);
                        if ("PEER_ERROR".equals(type)) {
                            outcome.peerErrors++;
                        } else if (isSkippedMessage(message)) {
                            outcome.invalidMessages++;
                        } else {
                            outcome.protocolError = AudioSocketProtocolError.valueOf(type);
                            ended = !outcome.callStarted;
                        }
                    }
                    case "HANGUP" -> {
                        outcome.hangupReason = message.getHeader(AudioSocketConstants.HANGUP_REASON, String.class);
                        ended = true;
                    }
                    default -> throw new IllegalStateException("unexpected event " + message.getHeaders());
                }
            }
            if (ended) {
                outcome.ended.countDown();
            }
        }

        /** An invalid message the call went on after, not the error that ended it: a DTMF byte that is no digit. */
        private static boolean isSkippedMessage(Message message) {
            return message.getBody(String.class).endsWith("is not a DTMF digit");
        }

        /** The outcome of a connection once it has ended (and forgets it), or null if it does not end in time. */
        Outcome await(String remote, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Outcome outcome;
            while ((outcome = byRemote.get(remote)) == null) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                Thread.sleep(1);
            }
            if (!outcome.ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return null;
            }
            byRemote.remove(remote);
            return outcome;
        }

        Map<String, Outcome> unclaimed() {
            return byRemote;
        }
    }
}
