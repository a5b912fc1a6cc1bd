package org.apache.camel.component.audiosocket;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector;
import org.apache.camel.component.audiosocket.support.EventCollector.Event;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.component.audiosocket.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client mode plays the Asterisk side against an AudioSocket server: here the component's own server routes, and raw
 * servers that misbehave the way Asterisk would not accept.
 */
class ClientModeTest extends AudioSocketTestSupport {

    private final int echoPort = FreePorts.next();
    private final int ulawPort = FreePorts.next();
    private final EventCollector client = new EventCollector();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // servers: one that records, one that echoes what it hears and hangs up on '#', one for c(ulaw) calls
                from(audiosocket("")).process(events);
                from("audiosocket:127.0.0.1:" + echoPort + "?exchangePattern=InOut")
                        .process(events)
                        .choice().when(header(AudioSocketConstants.DTMF_DIGIT).isEqualTo("#"))
                            .setHeader(AudioSocketConstants.COMMAND, constant("HANGUP"));
                from("audiosocket:127.0.0.1:" + ulawPort + "?codec=ulaw").process(events);

                // the Asterisk side: producers dial, consumers hear what the servers send back
                from("direct:dial").to(audiosocket("clientMode=true"));
                from("direct:dialEcho").errorHandler(noErrorHandler())
                        .to("audiosocket:127.0.0.1:" + echoPort + "?clientMode=true");
                from("audiosocket:127.0.0.1:" + echoPort + "?clientMode=true").process(client);
                from("direct:dialUlaw").to("audiosocket:127.0.0.1:" + ulawPort + "?clientMode=true&codec=ulaw");
                from("direct:dialAnywhere").errorHandler(noErrorHandler()).toD("audiosocket:127.0.0.1:${header.port}"
                                                                                + "?clientMode=true&connectTimeout=500");
            }
        };
    }

    @Test
    void dialsLikeAsteriskUuidFirstThenPacedAudioThenDtmfThenFin() throws Exception {
        byte[] pcm = Frames.pattern(1, 16000); // 1 s at 8 kHz
        Exchange sent = template.send("direct:dial", e -> {
            e.getMessage().setBody(pcm);
            e.getMessage().setHeader(AudioSocketConstants.DTMF_DIGIT, "12*");
        });
        String uuid = sent.getMessage().getHeader(AudioSocketConstants.UUID, String.class);
        assertNotNull(uuid, "a UUID is generated and set on the exchange");
        events.await(e -> uuid.equals(e.uuid()) && "DTMF".equals(e.type()) && "*".equals(e.header(
                AudioSocketConstants.DTMF_DIGIT)), 5, TimeUnit.SECONDS);
        template.sendBodyAndHeaders("direct:dial", null,
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.COMMAND, "HANGUP"));

        Event hangup = events.awaitHangup(uuid, 5, TimeUnit.SECONDS);
        // a FIN, not a hangup message, as Asterisk ends a call
        assertEquals("REMOTE_CLOSED", hangup.header(AudioSocketConstants.HANGUP_REASON));
        List<String> types = events.events(uuid).stream().map(Event::type).toList();
        assertEquals("CALL_START", types.get(0));
        assertEquals(List.of("DTMF", "DTMF", "DTMF", "HANGUP"), types.subList(types.size() - 4, types.size()));
        assertEquals(50, events.ofType(uuid, "AUDIO").size());
        assertArrayEquals(pcm, events.audio(uuid));
        assertEquals("12*", events.ofType(uuid, "DTMF").stream()
                .map(e -> (String) e.header(AudioSocketConstants.DTMF_DIGIT)).reduce("", String::concat));
        assertTrue((Long) hangup.header(AudioSocketConstants.CALL_DURATION) >= 980, "audio took its time: paced");
    }

    @Test
    void consumerOnTheClientUriHearsWhatTheServerSends() throws Exception {
        String uuid = UUID.randomUUID().toString();
        byte[] pcm = Frames.pattern(2, 3200); // 200 ms, echoed back by the server
        template.sendBodyAndHeader("direct:dialEcho", pcm, AudioSocketConstants.UUID, uuid);
        client.await(e -> uuid.equals(e.uuid()) && "AUDIO".equals(e.type()) && client.audio(uuid).length == pcm.length,
                5, TimeUnit.SECONDS);
        // the server hangs up when it hears '#': the client side sees the hangup message
        template.sendBodyAndHeaders("direct:dialEcho", null,
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.DTMF_DIGIT, "#"));
        Event hangup = client.awaitHangup(uuid, 5, TimeUnit.SECONDS);
        assertEquals("REMOTE_HANGUP", hangup.header(AudioSocketConstants.HANGUP_REASON));
        assertArrayEquals(pcm, client.audio(uuid));
        assertEquals(List.of("CALL_START", "AUDIO", "HANGUP"),
                client.events(uuid).stream().map(Event::type).distinct().toList());
        assertEquals(8000, client.ofType(uuid, "AUDIO").get(0).header(AudioSocketConstants.SAMPLE_RATE));
        assertEquals("LOCAL_HANGUP", events.awaitHangup(uuid, 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void aCallTheServerEndedIsNotDialledAgainByItsNextPlay() throws Exception {
        String uuid = UUID.randomUUID().toString();
        template.sendBodyAndHeaders("direct:dialEcho", new byte[320],
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.DTMF_DIGIT, "#"));
        assertEquals("REMOTE_HANGUP", client.awaitHangup(uuid, 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
        // a late answer for the call, say from a queue: the call is over, and a new one would reach nobody who asked
        CamelExecutionException late = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader("direct:dialEcho", new byte[320], AudioSocketConstants.UUID, uuid));
        assertInstanceOf(AudioSocketCallNotFoundException.class, late.getCause());
        assertTrue(late.getCause().getMessage().contains("has ended"), late.getCause().getMessage());
        Thread.sleep(200);
        assertEquals(1, events.ofType(uuid, "CALL_START").size(), "the server saw one call with that UUID");
        // a new UUID dials a new call
        String next = UUID.randomUUID().toString();
        template.sendBodyAndHeader("direct:dialEcho", new byte[320], AudioSocketConstants.UUID, next);
        events.await(e -> next.equals(e.uuid()) && "CALL_START".equals(e.type()), 5, TimeUnit.SECONDS);
    }

    @Test
    void ulawCallSendsG711UnderTheSlinKind() throws Exception {
        String uuid = UUID.randomUUID().toString();
        byte[] pcm = Frames.pattern(3, 640);
        template.sendBodyAndHeader("direct:dialUlaw", pcm, AudioSocketConstants.UUID, uuid);
        template.sendBodyAndHeaders("direct:dialUlaw", null,
                Map.of(AudioSocketConstants.UUID, uuid, AudioSocketConstants.COMMAND, "HANGUP"));
        events.awaitHangup(uuid, 5, TimeUnit.SECONDS);
        List<Event> audio = events.ofType(uuid, "AUDIO");
        assertEquals(List.of(160, 160), audio.stream().map(e -> e.bytes().length).toList());
        assertEquals("ULAW", audio.get(0).header(AudioSocketConstants.CODEC));
        assertArrayEquals(AudioCodec.ULAW.fromPcm(pcm), events.audio(uuid));
    }

    @Test
    void refusedConnectionFailsTheExchange() {
        int closedPort = FreePorts.next();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.sendBodyAndHeader("direct:dialAnywhere", new byte[320], "port", closedPort));
        assertInstanceOf(AudioSocketConnectException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("Cannot connect to AudioSocket server 127.0.0.1:" + closedPort),
                e.getCause().getMessage());
    }

    @Test
    void whatAsteriskWouldRejectEndsTheCall() throws Exception {
        assertServerMessageRejected(Frames.frame(0x03, new byte[] { '5' }), "UNEXPECTED_KIND");
        assertServerMessageRejected(Frames.frame(0xff, new byte[] { 1 }), "UNEXPECTED_KIND");
        assertServerMessageRejected(Frames.frame(0x01, new byte[16]), "UNEXPECTED_KIND");
        assertServerMessageRejected(Frames.frame(0x10, new byte[0]), "INVALID_AUDIO_LENGTH");
        assertServerMessageRejected(Frames.frame(0x42, new byte[2]), "UNKNOWN_KIND");
    }

    /** A raw server that sends one message; the client reports the error, hangs up, and resets the connection. */
    private void assertServerMessageRejected(byte[] message, String error) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<String> serverSide = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    byte[] uuidMessage = new byte[19];
                    in.readFully(uuidMessage);
                    socket.getOutputStream().write(message);
                    return in.read() < 0 ? "FIN" : "more data";
                } catch (SocketException e) {
                    return "RST";
                } catch (IOException e) {
                    return e.toString();
                }
            });
            // a consumer on the very URI the producer dials: it hears what that server sends
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("audiosocket:127.0.0.1:" + server.getLocalPort() + "?clientMode=true&connectTimeout=500")
                            .process(client);
                }
            });
            String uuid = UUID.randomUUID().toString();
            template.sendBodyAndHeaders("direct:dialAnywhere", null,
                    Map.of("port", server.getLocalPort(), AudioSocketConstants.UUID, uuid));
            assertEquals("RST", serverSide.get(5, TimeUnit.SECONDS), "Asterisk resets such a connection");
            Event hangup = client.awaitHangup(uuid, 5, TimeUnit.SECONDS);
            assertEquals("PROTOCOL_ERROR", hangup.header(AudioSocketConstants.HANGUP_REASON));
            Event failure = client.ofType(uuid, "ERROR").get(0);
            assertEquals(error, failure.header(AudioSocketConstants.ERROR_TYPE), error);
        }
    }
}
