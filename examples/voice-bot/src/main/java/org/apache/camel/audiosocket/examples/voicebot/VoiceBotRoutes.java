package org.apache.camel.audiosocket.examples.voicebot;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.AudioSocketPlainHeaders;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The voice bot. The caller's audio is cut into utterances ({@link Utterances}); each one is posted, as a WAV file, to
 * the speech service at {@code speech.url}, whose answer (a WAV file) is played into the call. Any key the caller
 * presses stops what the bot is saying (barge-in); {@code #} also ends the utterance.
 *
 * <p>
 * The speech service is asked on another thread (wire tap), so the call's own events keep flowing while it thinks: a
 * key press during a slow answer is still handled at once. An error or a timeout of the service is logged and the
 * caller hears two beeps; the call goes on.
 */
public class VoiceBotRoutes extends RouteBuilder {

    @Override
    public void configure() {
        String call = "audiosocket:{{bot.host}}:{{bot.port}}";
        Utterances utterances = new Utterances();
        utterances.setSilenceMillis(Integer.parseInt(getContext().resolvePropertyPlaceholders("{{bot.silence-ms}}")));
        utterances.setSilenceLevel(Integer.parseInt(getContext().resolvePropertyPlaceholders("{{bot.silence-level}}")));
        utterances.setMaxMillis(Integer.parseInt(getContext().resolvePropertyPlaceholders("{{bot.max-utterance-ms}}")));

        from(call + "?nativeTransport={{bot.native-transport}}")
                .routeId("caller")
                .filter(header(AudioSocketConstants.EVENT_TYPE).isEqualTo("DTMF"))
                    // barge-in: whatever the bot is saying stops
                    .setHeader(AudioSocketConstants.COMMAND, constant("CLEAR"))
                    .to(call)
                    .removeHeader(AudioSocketConstants.COMMAND)
                .end()
                .bean(utterances, "collect")
                .filter(header(Utterances.COMPLETE))
                    .wireTap("direct:ask");

        from("direct:ask")
                .routeId("ask-speech-service")
                .onException(HttpOperationFailedException.class, IOException.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "Speech service failed for call ${header.AudioSocketUuid}: "
                                            + "${exception.class.simpleName}: ${exception.message}")
                    .setBody(method(Prompts.class, "sorry"))
                    .to(call)
                .end()
                // the call's UUID and rate go along as plain HTTP headers (Camel* headers are not sent)
                .process(AudioSocketPlainHeaders::export)
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("audio/wav"))
                .to("{{speech.url}}?connectTimeout={{speech.timeout-ms}}&responseTimeout={{speech.timeout-ms}}")
                .convertBodyTo(byte[].class)
                .log(LoggingLevel.DEBUG, "Call ${header.AudioSocketUuid}: answer of ${body.length} bytes")
                .to(call);
    }
}
