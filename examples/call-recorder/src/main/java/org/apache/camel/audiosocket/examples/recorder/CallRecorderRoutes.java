package org.apache.camel.audiosocket.examples.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.kqueue.KQueue;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketCallNotFoundException;
import org.apache.camel.component.audiosocket.audio.CallRecorder;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;

import static org.apache.camel.component.audiosocket.AudioSocketConstants.EVENT_TYPE;

/**
 * Records every AudioSocket call to {@code <recordings.dir>/<uuid>.wav} and plays a short chime into it when it
 * starts.
 * <p>
 * Each call's exchanges arrive one at a time and in order (CALL_START, AUDIO..., DTMF among them, HANGUP last), while
 * different calls run in parallel: so the component's {@link CallRecorder} needs no locking, and keeps no state
 * between exchanges other than the file itself.
 */
public class CallRecorderRoutes extends RouteBuilder {

    /** The chime played into every call, a WAV file on the classpath (made by GreetingGenerator in the tests). */
    static final String GREETING_RESOURCE = "/greeting.wav";

    /**
     * The same endpoint for both: the consumer accepts Asterisk's calls, the producer plays into them by UUID.
     * keepAliveInterval: Asterisk's AudioSocket() ends a call after 2 s with no audio either way, which a caller who
     * sends none (muted, silence suppression) would reach once the greeting is over; a 20 ms frame of silence after
     * each second without playback keeps such calls up for as long as they last.
     * chunkDuration: a recording needs no exchange per 20 ms frame; 200 ms of audio per exchange means ten times fewer
     * file writes (nothing is lost: the last, shorter chunk comes before the HANGUP).
     * nativeTransport: property audiosocket.nativeTransport (true or false); unset, epoll where Netty's native library
     * loads (this example ships it for Linux x86_64).
     */
    private static final String AUDIOSOCKET = "audiosocket:{{audiosocket.host}}:{{audiosocket.port}}?keepAliveInterval=1000"
                                              + "&chunkDuration={{audiosocket.chunkDuration:200}}&nativeTransport={{audiosocket.nativeTransport:"
                                              + (Epoll.isAvailable() || KQueue.isAvailable()) + "}}";

    @Override
    public void configure() throws Exception {
        Path recordingsDir = Path.of(getCamelContext().resolvePropertyPlaceholders("{{recordings.dir}}"))
                .toAbsolutePath();
        CallRecorder recorder = new CallRecorder(recordingsDir);
        PcmAudio greeting = loadGreeting();
        log.info("Recording calls to {}", recordingsDir);

        // the caller hung up before the greeting could be queued: nothing to play into, nothing wrong
        onException(AudioSocketCallNotFoundException.class)
                .handled(true)
                .log(LoggingLevel.INFO, "Call ${header.CamelAudioSocketUuid} ended before the greeting: ${exception.message}");

        from(AUDIOSOCKET).routeId("call-recorder")
            // the component's recorder: <uuid>.wav from the first AUDIO, finished at HANGUP
            .bean(recorder, "record")
            .choice()
                .when(header(EVENT_TYPE).isEqualTo("CALL_START"))
                    .log("Call ${header.CamelAudioSocketUuid} started from ${header.CamelAudioSocketRemoteAddress}")
                    // queued for playback at once, then sent 20 ms at a time while the route goes on
                    .setBody(constant(greeting))
                    .to(AUDIOSOCKET)
                    // and the other direction: <uuid>-played.wav, finished at HANGUP too
                    .bean(recorder, "recordPlayed")
                .when(header(EVENT_TYPE).isEqualTo("DTMF"))
                    .log("Call ${header.CamelAudioSocketUuid} pressed ${header.CamelAudioSocketDtmfDigit}")
                .when(header(EVENT_TYPE).isEqualTo("HANGUP"))
                    .log("Call ${header.CamelAudioSocketUuid} ended (${header.CamelAudioSocketHangupReason}) after"
                         + " ${header.CamelAudioSocketCallDuration} ms; recordings: ${header." + CallRecorder.RECORDING
                         + "}, ${header." + CallRecorder.PLAYED_RECORDING + "}")
                .when(header(EVENT_TYPE).isEqualTo("ERROR"))
                    .log(LoggingLevel.WARN, "Call ${header.CamelAudioSocketUuid} from ${header.CamelAudioSocketRemoteAddress}:"
                                            + " ${header.CamelAudioSocketErrorType}: ${body}")
            .end();
    }

    private static PcmAudio loadGreeting() {
        try (InputStream in = CallRecorderRoutes.class.getResourceAsStream(GREETING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GREETING_RESOURCE + " is not on the classpath");
            }
            // decoded once; a PcmAudio body plays at its own rate, and the producer never changes it
            return Wav.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
