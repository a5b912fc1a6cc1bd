package org.apache.camel.component.audiosocket;

import java.time.Duration;
import java.nio.file.Files;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.session.CallSession;
import org.apache.camel.component.audiosocket.support.AudioSocketTestSupport;
import org.apache.camel.component.audiosocket.support.EventCollector;
import org.apache.camel.component.audiosocket.testkit.SimulatedCall;
import org.apache.camel.component.audiosocket.support.Frames;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AudioSocket tunnelled over TLS, server and client mode, configured with Camel's SSLContextParameters. */
class TlsTest extends AudioSocketTestSupport {

    private static final String PASSWORD = "changeit";
    private static final Path KEYSTORE = createKeystore();
    private final EventCollector clientEvents = new EventCollector();

    @BindToRegistry("tls")
    public SSLContextParameters tls() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + KEYSTORE);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters params = new SSLContextParameters();
        params.setKeyManagers(keys);
        params.setTrustManagers(trust);
        return params;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(audiosocket("sslContextParameters=#tls&exchangePattern=InOut")).routeId("tls").process(events);
                // client mode over TLS, and a consumer hearing what the server echoes back
                String client = audiosocket("clientMode=true&sslContextParameters=#tls");
                from("direct:dial").to(client);
                from(client).process(clientEvents);
                from("direct:command").to(audiosocket("sslContextParameters=#tls"));
            }
        };
    }

    @Test
    void callOverTls() throws Exception {
        UUID uuid = UUID.randomUUID();
        byte[] audio = Frames.pattern(5, 640);
        try (SimulatedCall asterisk = SimulatedCall.to("127.0.0.1", port).uuid(uuid).tls(tls().createSSLContext(context))
                .dial()) {
            asterisk.sendAudio(0x10, audio);
            asterisk.awaitReceived(2, Duration.ofSeconds(5)); // the InOut route echoes the audio back
            assertArrayEquals(audio, asterisk.receivedAudio());
        }
        events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS);
        assertArrayEquals(audio, events.audio(uuid.toString()));
        assertEquals("REMOTE_CLOSED", events.ofType(uuid.toString(), "HANGUP").get(0)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    @Test
    void clientModeOverTls() throws Exception {
        String uuid = UUID.randomUUID().toString();
        byte[] audio = Frames.pattern(6, 960);
        template.sendBodyAndHeader("direct:dial", audio, AudioSocketConstants.UUID, uuid);
        clientEvents.await(e -> uuid.equals(e.uuid()) && clientEvents.audio(uuid).length == audio.length, 5,
                TimeUnit.SECONDS);
        assertArrayEquals(audio, clientEvents.audio(uuid));
        assertArrayEquals(audio, events.audio(uuid));
    }

    @Test
    void aPeerThatStopsReadingIsReleasedWithinTheBoundOverTlsToo() throws Exception {
        // a TLS layer that closes sends close_notify and waits for it to leave, which a peer that does not read never
        // lets happen: the release must not wait for it
        UUID uuid = UUID.randomUUID();
        SSLSocket deaf = (SSLSocket) tls().createSSLContext(context).getSocketFactory().createSocket();
        try (deaf) {
            deaf.setReceiveBufferSize(4096);
            deaf.connect(new InetSocketAddress("127.0.0.1", port));
            deaf.startHandshake();
            deaf.getOutputStream().write(Frames.uuid(uuid)); // and then it never reads
            awaitTrue("the call to start", 5, TimeUnit.SECONDS, () -> server("tls").findCall(uuid) != null);
            Channel channel = server("tls").findCall(uuid).channel();
            channel.config().setOption(ChannelOption.SO_SNDBUF, 4096);
            template.sendBodyAndHeaders("direct:command", new byte[3_840_000],
                    Map.of(AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.SAMPLE_RATE, 192000));
            awaitTrue("the outbound buffer to fill", 10, TimeUnit.SECONDS, () -> !channel.isWritable());
            long asked = System.nanoTime();
            template.sendBodyAndHeaders("direct:command", null,
                    Map.of(AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.COMMAND, "CLEAR"));
            template.sendBodyAndHeaders("direct:command", null,
                    Map.of(AudioSocketConstants.UUID, uuid.toString(), AudioSocketConstants.COMMAND, "HANGUP"));
            assertTrue(channel.closeFuture().await(10, TimeUnit.SECONDS), "the connection was closed");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            assertTrue(took <= CallSession.RELEASE_TIMEOUT_MILLIS + 1500, "released " + took + " ms after the HANGUP");
        }
        assertEquals("LOCAL_HANGUP", events.awaitHangup(uuid.toString(), 5, TimeUnit.SECONDS)
                .header(AudioSocketConstants.HANGUP_REASON));
    }

    /** A self-signed key pair made with the JDK's keytool, for this test run only. */
    private static Path createKeystore() {
        try {
            Path dir = Files.createTempDirectory("audiosocket-tls");
            Path keystore = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            // read, not inherited: output on this JVM's stdout would corrupt Surefire's channel
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            keystore.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return keystore;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test keystore", e);
        }
    }
}
