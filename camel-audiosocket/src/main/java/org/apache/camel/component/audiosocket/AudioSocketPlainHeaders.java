package org.apache.camel.component.audiosocket;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The component's headers as plain ones, for a trip through Kafka, JMS or HTTP. Their header filter strategies drop
 * {@code Camel*} headers at the boundary on purpose, so a call's UUID, event type, sample rate... would not arrive.
 * {@link #export} copies each header that is set to one named without the {@code Camel} prefix
 * ({@code CamelAudioSocketUuid} travels as {@code AudioSocketUuid}), as text, which every transport carries and which
 * is a valid JMS property name; {@link #restore} on the other side sets the component's headers again from them, so
 * that a route can play a response into the call with the {@code audiosocket:} producer.
 *
 * <pre>
 * from("audiosocket:0.0.0.0:9092?chunkDuration=200")
 *     .process(AudioSocketPlainHeaders::export)
 *     .setHeader(KafkaConstants.KEY, header(AudioSocketConstants.UUID))
 *     .to("kafka:calls");
 *
 * from("kafka:responses")
 *     .process(AudioSocketPlainHeaders::restore)
 *     .to("audiosocket:0.0.0.0:9092");
 * </pre>
 */
public final class AudioSocketPlainHeaders {

    private static final String CAMEL = "Camel";

    /** The headers that travel: every header of an event, and the producer's command. */
    static final List<String> HEADERS = List.of(AudioSocketConstants.UUID, AudioSocketConstants.EVENT_TYPE,
            AudioSocketConstants.SEQUENCE, AudioSocketConstants.SAMPLE_RATE, AudioSocketConstants.CODEC,
            AudioSocketConstants.DTMF_DIGIT, AudioSocketConstants.MARK, AudioSocketConstants.REMOTE_ADDRESS,
            AudioSocketConstants.HANGUP_REASON, AudioSocketConstants.CALL_DURATION, AudioSocketConstants.ERROR_TYPE,
            AudioSocketConstants.ERROR_CODE, AudioSocketConstants.COMMAND);

    private AudioSocketPlainHeaders() {
    }

    /** The plain name of one of the component's headers: {@code AudioSocketUuid} for {@code CamelAudioSocketUuid}. */
    public static String plainName(String header) {
        if (!HEADERS.contains(header)) {
            throw new IllegalArgumentException(header + " is not one of the AudioSocket headers " + HEADERS);
        }
        return header.substring(CAMEL.length());
    }

    /** Sets the plain, text form of each of the component's headers that is set. */
    public static void export(Exchange exchange) {
        Message message = exchange.getMessage();
        for (String header : HEADERS) {
            Object value = message.getHeader(header);
            if (value != null) {
                message.setHeader(header.substring(CAMEL.length()), value.toString());
            }
        }
    }

    /**
     * Sets the component's headers from the plain ones that arrived, as text (Kafka hands its headers over as
     * {@code byte[]}: they are read through Camel's type converter). The plain headers are kept, as text too.
     */
    public static void restore(Exchange exchange) {
        Message message = exchange.getMessage();
        for (String header : HEADERS) {
            String plain = header.substring(CAMEL.length());
            String value = message.getHeader(plain, String.class);
            if (value != null) {
                message.setHeader(plain, value);
                message.setHeader(header, value);
            }
        }
    }
}
