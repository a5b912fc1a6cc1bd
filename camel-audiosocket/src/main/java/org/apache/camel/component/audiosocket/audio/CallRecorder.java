package org.apache.camel.component.audiosocket.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each call into {@code <directory>/<uuid>.wav}, a bean for a consumer route to call on every event
 * ({@code .bean(recorder, "record")} in Java, {@code bean: {ref: recorder, method: record}} in YAML):
 * <ul>
 * <li>CALL_START: a recording left by an earlier call with the same UUID is moved aside, named by its time;</li>
 * <li>AUDIO: the first audio creates the file with a WAV header for its rate (nothing is known of the rate before: a
 * silent caller sends no audio, and makes no file); every AUDIO body is appended as 16-bit PCM, µ-law and A-law
 * decoded;</li>
 * <li>HANGUP: the header gets the real sizes, and the {@value #RECORDING} header names the file.</li>
 * </ul>
 * A call's exchanges arrive one at a time and in order, so a recorder needs no locking and keeps no state but the
 * files; different calls write different files.
 */
public class CallRecorder {

    /** Header set on HANGUP: the path of the finished recording (absent when the call sent no audio). */
    public static final String RECORDING = "CamelAudioSocketRecording";

    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Path directory = Path.of("recordings");

    public CallRecorder() {
    }

    public CallRecorder(Path directory) {
        this.directory = directory;
    }

    public String getDirectory() {
        return directory.toString();
    }

    /** Where the recordings go; created when missing. */
    public void setDirectory(String directory) {
        this.directory = Path.of(directory);
    }

    /** The recording of the exchange's call. */
    public Path fileOf(Message message) {
        return directory.toAbsolutePath().resolve(message.getHeader(AudioSocketConstants.UUID, String.class) + ".wav");
    }

    /** Handles one event of a call; other events than CALL_START, AUDIO and HANGUP are left alone. */
    public void record(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String event = message.getHeader(AudioSocketConstants.EVENT_TYPE, String.class);
        if (event == null || message.getHeader(AudioSocketConstants.UUID) == null) {
            return;
        }
        switch (event) {
            case "CALL_START" -> moveAsideEarlierRecording(message);
            case "AUDIO" -> append(message);
            case "HANGUP" -> finish(message);
            default -> {
            }
        }
    }

    private void moveAsideEarlierRecording(Message message) throws IOException {
        Path file = fileOf(message);
        if (Files.exists(file)) {
            String uuid = message.getHeader(AudioSocketConstants.UUID, String.class);
            Path aside = file.resolveSibling(uuid + "-" + STAMP.format(Files.getLastModifiedTime(file).toInstant())
                                             + ".wav");
            Files.move(file, aside);
            LOG.warn("Call {} has the UUID of an earlier call: its recording was moved to {}", uuid, aside);
        }
    }

    private void append(Message message) throws IOException {
        PcmAudio audio = message.getBody(PcmAudio.class);
        Path file = fileOf(message);
        if (Files.notExists(file)) {
            Files.createDirectories(file.getParent());
            // the first audio's rate is the call's: Asterisk does not change it during a call
            Files.write(file, Wav.header(audio.sampleRate(), 0), StandardOpenOption.CREATE_NEW);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(audio.samples());
        }
    }

    private void finish(Message message) throws IOException {
        Path file = fileOf(message);
        if (Files.exists(file)) {
            Wav.finish(file);
            message.setHeader(RECORDING, file.toString());
        }
    }
}
