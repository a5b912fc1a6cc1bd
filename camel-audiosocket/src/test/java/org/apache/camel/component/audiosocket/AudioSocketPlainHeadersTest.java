package org.apache.camel.component.audiosocket;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The component's headers survive a boundary that drops Camel* headers and hands the rest over as bytes. */
class AudioSocketPlainHeadersTest {

    private final CamelContext context = new DefaultCamelContext();

    @Test
    void exportedHeadersComeBackAfterABoundaryThatDropsCamelHeaders() {
        Exchange sent = new DefaultExchange(context);
        sent.getMessage().setHeader(AudioSocketConstants.UUID, "0a1b2c3d-0000-4000-8000-000000000001");
        sent.getMessage().setHeader(AudioSocketConstants.EVENT_TYPE, "AUDIO");
        sent.getMessage().setHeader(AudioSocketConstants.SEQUENCE, 42L);
        sent.getMessage().setHeader(AudioSocketConstants.SAMPLE_RATE, 16000);
        sent.getMessage().setHeader(AudioSocketConstants.CODEC, "SLIN");
        sent.getMessage().setHeader("Other", "kept");

        AudioSocketPlainHeaders.export(sent);
        assertEquals("0a1b2c3d-0000-4000-8000-000000000001", sent.getMessage().getHeader("AudioSocketUuid"));
        assertEquals("42", sent.getMessage().getHeader("AudioSocketSequence"));
        assertEquals("16000", sent.getMessage().getHeader("AudioSocketSampleRate"));
        assertNull(sent.getMessage().getHeader("AudioSocketDtmfDigit"), "a header that is not set is not invented");

        // what Kafka does: Camel* headers stay behind, the others arrive as bytes
        Map<String, Object> arrived = new HashMap<>();
        sent.getMessage().getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel")) {
                arrived.put(name, value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        Exchange received = new DefaultExchange(context);
        received.getMessage().setHeaders(arrived);

        AudioSocketPlainHeaders.restore(received);
        assertEquals("0a1b2c3d-0000-4000-8000-000000000001", received.getMessage().getHeader(AudioSocketConstants.UUID));
        assertEquals("AUDIO", received.getMessage().getHeader(AudioSocketConstants.EVENT_TYPE));
        assertEquals(42L, received.getMessage().getHeader(AudioSocketConstants.SEQUENCE, Long.class));
        assertEquals(16000, received.getMessage().getHeader(AudioSocketConstants.SAMPLE_RATE, Integer.class));
        assertEquals("SLIN", received.getMessage().getHeader(AudioSocketConstants.CODEC));
        assertEquals("16000", received.getMessage().getHeader("AudioSocketSampleRate"), "plain headers become text");
        assertNull(received.getMessage().getHeader(AudioSocketConstants.DTMF_DIGIT));
    }

    @Test
    void plainNamesDropTheCamelPrefix() {
        assertEquals("AudioSocketUuid", AudioSocketPlainHeaders.plainName(AudioSocketConstants.UUID));
        assertEquals("AudioSocketCommand", AudioSocketPlainHeaders.plainName(AudioSocketConstants.COMMAND));
        assertEquals("CamelFileName is not one of the AudioSocket headers " + AudioSocketPlainHeaders.HEADERS,
                assertThrows(IllegalArgumentException.class, () -> AudioSocketPlainHeaders.plainName("CamelFileName"))
                        .getMessage());
    }
}
