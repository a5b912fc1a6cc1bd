package org.apache.camel.component.audiosocket.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
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
 * The other direction, what the route plays into the call, goes to {@code <directory>/<uuid>-played.wav}: call
 * {@link #recordPlayed} with each exchange sent to the producer ({@code .to("audiosocket:...").bean(recorder,
 * "recordPlayed")}). That file holds everything played, one piece after the other, at the rate of the first piece; it
 * is finished at HANGUP too, and named by the {@value #PLAYED_RECORDING} header.
 * A call's exchanges arrive one at a time and in order, so a recorder needs no locking and keeps no state but the
 * files; different calls write different files.
 */
public class CallRecorder {

    /** Header set on HANGUP: the path of the finished recording (absent when the call sent no audio). */
    public static final String RECORDING = "CamelAudioSocketRecording";

    /** Header set on HANGUP: the path of the finished recording of what was played (absent when nothing was). */
    public static final String PLAYED_RECORDING = "CamelAudioSocketPlayedRecording";

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

    /** The recording of what was played into the exchange's call. */
    public Path playedFileOf(Message message) {
        return directory.toAbsolutePath()
                .resolve(message.getHeader(AudioSocketConstants.UUID, String.class) + "-played.wav");
    }

    /**
     * Appends the body of an exchange that was played into its call (PCM, a WAV file, µ-law or A-law by the
     * {@code CamelAudioSocketCodec} header) to the call's played recording. A body at another rate than the recording's
     * is refused, since one WAV file has one rate.
     */
    public void recordPlayed(Exchange exchange) throws IOException, InvalidPayloadException {
        Message message = exchange.getMessage();
        if (message.getBody() == null || message.getHeader(AudioSocketConstants.UUID) == null) {
            return;
        }
        PcmAudio audio = message.getMandatoryBody(PcmAudio.class);
        Path file = playedFileOf(message);
        if (Files.exists(file)) {
            int rate = rateOf(file);
            if (rate != audio.sampleRate()) {
                throw new IllegalArgumentException("The recording of what was played into call "
                                                   + message.getHeader(AudioSocketConstants.UUID) + " is at " + rate
                                                   + " Hz; audio at " + audio.sampleRate() + " Hz cannot go in it");
            }
        }
        append(file, audio);
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

    /** The rate in the header this recorder wrote at the start of the file. */
    private static int rateOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(Wav.HEADER_LENGTH);
            return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
        }
    }

    private void moveAsideEarlierRecording(Message message) throws IOException {
        for (Path file : new Path[] { fileOf(message), playedFileOf(message) }) {
            if (Files.exists(file)) {
                String name = file.getFileName().toString();
                String stamp = STAMP.format(Files.getLastModifiedTime(file).toInstant());
                Path aside = file.resolveSibling(name.substring(0, name.length() - ".wav".length()) + "-" + stamp
                                                 + ".wav");
                Files.move(file, aside);
                LOG.warn("Call {} has the UUID of an earlier call: its recording was moved to {}",
                        message.getHeader(AudioSocketConstants.UUID), aside);
            }
        }
    }

    private void append(Message message) throws IOException {
        append(fileOf(message), message.getBody(PcmAudio.class));
    }

    private static void append(Path file, PcmAudio audio) throws IOException {
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
        Path played = playedFileOf(message);
        if (Files.exists(played)) {
            Wav.finish(played);
            message.setHeader(PLAYED_RECORDING, played.toString());
        }
    }
}
