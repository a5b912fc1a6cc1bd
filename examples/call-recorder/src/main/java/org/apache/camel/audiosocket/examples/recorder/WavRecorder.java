package org.apache.camel.audiosocket.examples.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three steps of a call's recording, around the file component that appends its audio:
 * <ol>
 * <li>CALL_START: nothing is known about the audio yet (a silent caller sends none), so no file is made;</li>
 * <li>AUDIO: the first audio creates {@code <uuid>.wav} with a WAV header for its rate (sizes left at 0), then every
 * AUDIO body is appended as 16-bit PCM;</li>
 * <li>HANGUP: {@link Wav#finish(Path)} writes the real sizes into the header.</li>
 * </ol>
 * A call's exchanges come one at a time and in order, so "the file does not exist yet" means "this is the call's first
 * audio".
 */
final class WavRecorder {

    /** Header set on HANGUP: what was recorded, for the log. */
    static final String RECORDING = "CallRecorderRecording";

    private static final Logger LOG = LoggerFactory.getLogger(WavRecorder.class);

    private final Path dir;

    WavRecorder(Path dir) {
        this.dir = dir;
    }

    /** The recording of the exchange's call. */
    Path fileOf(Message message) {
        return dir.resolve(message.getHeader(AudioSocketConstants.UUID, String.class) + ".wav");
    }

    /**
     * CALL_START: the recording of an earlier call with the same UUID (a dialplan with a fixed UUID) would be appended
     * to, so it is moved aside, named by the time it was last written.
     */
    void start(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Path file = fileOf(message);
        if (Files.exists(file)) {
            String written = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .format(Files.getLastModifiedTime(file).toInstant());
            Path aside = dir.resolve(message.getHeader(AudioSocketConstants.UUID, String.class) + "-" + written + ".wav");
            Files.move(file, aside);
            LOG.warn("Call {} has the UUID of an earlier call: its recording was moved to {}",
                    message.getHeader(AudioSocketConstants.UUID), aside);
        }
    }

    /**
     * AUDIO: the body becomes 16-bit PCM (G.711 is decoded when the endpoint is set to codec=ulaw or alaw), with the
     * WAV header in front of the call's first audio.
     */
    void prepareAudio(Exchange exchange) {
        Message message = exchange.getMessage();
        PcmAudio audio = message.getBody(PcmAudio.class);
        byte[] body = audio.samples();
        if (Files.notExists(fileOf(message))) {
            // the rate of the first audio is the call's: Asterisk does not change it during a call
            byte[] header = Wav.header(audio.sampleRate(), 0);
            byte[] first = new byte[header.length + body.length];
            System.arraycopy(header, 0, first, 0, header.length);
            System.arraycopy(body, 0, first, header.length, body.length);
            body = first;
        }
        message.setBody(body);
    }

    /** HANGUP: the header gets the real sizes; {@link #RECORDING} says what was written. */
    void finish(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Path file = fileOf(message);
        if (Files.notExists(file)) {
            message.setHeader(RECORDING, "no audio, nothing recorded");
            return;
        }
        long dataLength = Wav.finish(file);
        int rate = sampleRateOf(file);
        message.setHeader(RECORDING, String.format(Locale.ROOT, "%s (%.1f s at %d Hz)", file, dataLength / 2.0 / rate, rate));
    }

    /** The sample rate in the header this class wrote (little-endian, at offset 24 of the canonical header). */
    private static int sampleRateOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ByteBuffer.wrap(in.readNBytes(Wav.HEADER_LENGTH)).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
        }
    }
}
