package org.apache.camel.component.audiosocket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.component.audiosocket.audio.AudioCodec;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options reach the endpoint through Camel's generated configurers, from URIs and from component properties. */
class ComponentConfigurationTest extends CamelTestSupport {

    @Test
    void uriOptionsConfigureTheEndpoint() {
        AudioSocketEndpoint endpoint = context.getEndpoint(
                "audiosocket:0.0.0.0:9092?codec=ulaw&chunkDuration=200&events=AUDIO,HANGUP&keepAliveInterval=1s"
                                                           + "&playbackQueueLimit=30s&poolSize=4&nativeTransport=true",
                AudioSocketEndpoint.class);
        AudioSocketConfiguration config = endpoint.getConfiguration();
        assertEquals("0.0.0.0", config.getHost());
        assertEquals(9092, config.getPort());
        assertEquals(AudioCodec.ULAW, config.getCodec());
        assertEquals(200, config.getChunkDuration());
        assertEquals("AUDIO,HANGUP", config.getEvents());
        assertEquals(1000, config.getKeepAliveInterval());
        assertEquals(30000, config.getPlaybackQueueLimit());
        assertEquals(4, config.getPoolSize());
        assertTrue(config.isNativeTransport());
        // defaults
        assertEquals(50, config.getMaxPendingExchanges());
        assertEquals(65535, config.getMaxFrameSize());
        assertTrue(config.isTcpNoDelay());
    }

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpoint() throws Exception {
        // the generated configurer, as camel-main and Spring Boot use it for camel.component.audiosocket.*
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("audiosocket-component", context);
        assertInstanceOf(AudioSocketComponentConfigurer.class, configurer);
        AudioSocketComponent component = context.getComponent("audiosocket", AudioSocketComponent.class);
        assertTrue(configurer.configure(context, component, "chunkDuration", "100", true));
        assertTrue(configurer.configure(context, component, "codec", "alaw", true));

        AudioSocketEndpoint plain = context.getEndpoint("audiosocket:0.0.0.0:9093", AudioSocketEndpoint.class);
        assertEquals(100, plain.getConfiguration().getChunkDuration());
        assertEquals(AudioCodec.ALAW, plain.getConfiguration().getCodec());
        AudioSocketEndpoint overridden = context.getEndpoint("audiosocket:0.0.0.0:9094?chunkDuration=40",
                AudioSocketEndpoint.class);
        assertEquals(40, overridden.getConfiguration().getChunkDuration());
        assertEquals(100, component.getConfiguration().getChunkDuration());
    }

    @Test
    void endpointConfigurerIsGenerated() {
        assertInstanceOf(AudioSocketEndpointConfigurer.class, PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("audiosocket-endpoint", context));
    }

    @Test
    void badUrisFailWithAClearMessage() {
        Exception unknown = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("audiosocket:0.0.0.0:9092?chunkSize=100"));
        assertTrue(unknown.getMessage().contains("chunkSize"), unknown.getMessage());
        Exception noPort = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("audiosocket:somehost"));
        assertTrue(noPort.getMessage().contains("needs host and port"), noPort.getMessage());
    }

    @Test
    void unknownEventTypeStopsTheRouteFromStarting() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("audiosocket:127.0.0.1:0?events=AUDIO,HANG_UP").routeId("bad").autoStartup(false).log("x");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.getRouteController().startRoute("bad"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("HANG_UP"), cause.getMessage());
    }

    @Test
    void outOfRangeOptionsStopTheRouteFromStarting() throws Exception {
        assertStartFails("maxFrameSize=0", "maxFrameSize must be 16 to 65535");
        assertStartFails("maxFrameSize=70000", "maxFrameSize must be 16 to 65535");
        assertStartFails("chunkDuration=60001", "chunkDuration must be 1 to 60000");
        assertStartFails("chunkDuration=0", "chunkDuration must be 1 to 60000");
        assertStartFails("maxPendingExchanges=0", "maxPendingExchanges must be at least 1");
    }

    private void assertStartFails(String options, String message) throws Exception {
        String routeId = "bad-" + options.replaceAll("\\W", "-");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("audiosocket:127.0.0.1:0?" + options).routeId(routeId).autoStartup(false).log("x");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.getRouteController().startRoute(routeId));
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains(message)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains(message), options + ": " + e);
    }

    @Test
    void toolingValidatesUrisAgainstTheComponentJson() {
        // what IDEs, the YAML DSL schema tooling and Camel JBang use: the catalog reads our component JSON
        DefaultRuntimeCamelCatalog catalog = new DefaultRuntimeCamelCatalog();
        catalog.setCamelContext(context);
        assertNotNull(catalog.componentJSonSchema("audiosocket"));
        assertTrue(catalog.validateEndpointProperties("audiosocket:0.0.0.0:9092?chunkDuration=100&codec=ULAW"
                                                      + "&keepAliveInterval=1s").isSuccess());
        EndpointValidationResult wrong = catalog.validateEndpointProperties(
                "audiosocket:0.0.0.0:9092?chunkDuration=abc&codec=mp3&chunkSize=100");
        assertTrue(wrong.getInvalidInteger().containsKey("chunkDuration"), wrong.summaryErrorMessage(false));
        assertTrue(wrong.getInvalidEnum().containsKey("codec"), wrong.summaryErrorMessage(false));
        assertTrue(wrong.getUnknown().contains("chunkSize"), wrong.summaryErrorMessage(false));
    }

    @Test
    void componentJsonDescribesEveryOption() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/apache/camel/component/audiosocket/audiosocket.json")) {
            assertNotNull(in, "component JSON on the classpath");
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject root = (JsonObject) Jsoner.deserialize(json);
        assertEquals("audiosocket:host:port", root.getMap("component").get("syntax"));
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            for (Map.Entry<?, ?> option : root.getMap(section).entrySet()) {
                String description = (String) ((Map<?, ?>) option.getValue()).get("description");
                assertTrue(description != null && description.length() > 10, section + "." + option.getKey());
            }
        }
        assertEquals("CamelAudioSocketUuid", root.getMap("headers").keySet().iterator().next());
    }
}
