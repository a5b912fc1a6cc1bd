package org.apache.camel.component.audiosocket.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.apache.camel.component.audiosocket.audio.PcmAudio;
import org.apache.camel.component.audiosocket.audio.Wav;
import org.apache.camel.component.audiosocket.protocol.AudioSocketKind;
import org.apache.camel.component.audiosocket.protocol.DtmfFrame;

/**
 * One simulated Asterisk call into an AudioSocket server, for tests of routes that use {@code audiosocket:} consumers:
 * no PBX needed.
 * <p>
 * It behaves as Asterisk does on the wire: connects with TCP_NODELAY, sends the call's UUID first, then audio in
 * 20 ms messages paced in real time at the call's rate, DTMF as one message per digit, and hangs up by closing the
 * connection. Everything the server sends back is kept, with its arrival time, for the test to check.
 *
 * <pre>{@code
 * try (SimulatedCall call = SimulatedCall.dial(9092)) {
 *     call.playTone(440, Duration.ofSeconds(1));      // paced: takes one second
 *     call.sendDtmf("1#");
 *     byte[] reply = call.awaitAudio(Duration.ofMillis(500), Duration.ofSeconds(5));
 *     call.hangup();
 * }
 * }</pre>
 * <p>
 * A call is driven from one thread (the test's); what the server sends is read on a thread of the call's own. For
 * protocol-level tests, {@link #connect(String, int)} opens the connection without sending anything.
 */
public final class SimulatedCall implements AutoCloseable {

    private static final long FRAME_NANOS = 20_000_000L;

    private final Socket socket;
    private final OutputStream out;
    private final UUID uuid;
    private final int sampleRate;
    private final long connectedNanos = System.nanoTime();
    private final List<ReceivedMessage> received = new ArrayList<>();
    private final Thread reader;
    private long timelineNanos;
    private boolean serverClosed;
    private boolean serverSentHangup;

    private SimulatedCall(Socket socket, UUID uuid, int sampleRate) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.uuid = uuid;
        this.sampleRate = sampleRate;
        this.timelineNanos = connectedNanos;
        this.reader = new Thread(this::readLoop, "simulated-call-" + (uuid != null ? uuid : "raw"));
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Dials a call to 127.0.0.1:port with a random UUID at 8 kHz, as {@code AudioSocket()} would. */
    public static SimulatedCall dial(int port) throws IOException {
        return to("127.0.0.1", port).dial();
    }

    /** Starts setting up a call to an AudioSocket server. */
    public static Builder to(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Opens a connection without sending anything, not even the UUID: for tests of what a server does with
     * unexpected bytes. Use {@link #sendUuid(UUID)}, {@link #sendAudio(int, byte[])} and {@link #sendRaw(byte[])}.
     */
    public static SimulatedCall connect(String host, int port) throws IOException {
        return to(host, port).connectOnly();
    }

    /** {@link #connect(String, int)} to 127.0.0.1. */
    public static SimulatedCall connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    /** The call's UUID (null for a connection opened with {@link #connect}). */
    public UUID uuid() {
        return uuid;
    }

    /** The local port of the call's connection: with the address, how the server names it (the remote address header). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Time since the call connected: the clock of {@link ReceivedMessage#at()}. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - connectedNanos);
    }

    /** The rate of the audio this call sends, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    // ---- what the caller does

    /**
     * Plays 16-bit little-endian PCM at the call's rate: 20 ms messages, one every 20 ms (the last may be shorter).
     * Returns when the last message has been sent.
     */
    public SimulatedCall play(byte[] pcm) throws IOException {
        return play(pcm, sampleRate, true);
    }

    /** Plays PCM at its own rate (Asterisk's channel driver sends whatever rate the channel has). */
    public SimulatedCall play(PcmAudio audio) throws IOException {
        return play(audio.samples(), audio.sampleRate(), true);
    }

    /**
     * Plays PCM at the given rate, paced or as fast as the socket takes it (for tests that need no real time).
     */
    public SimulatedCall play(byte[] pcm, int rate, boolean paced) throws IOException {
        AudioSocketKind kind = AudioSocketKind.forSampleRate(rate);
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes, not " + pcm.length);
        }
        int frame = kind.bytesPer20Millis();
        for (int offset = 0; offset < pcm.length; offset += frame) {
            int length = Math.min(frame, pcm.length - offset);
            if (paced) {
                waitForTimeline();
            }
            sendAudio(kind.code(), pcm, offset, length);
            timelineNanos += length / 2 * 1_000_000_000L / rate;
        }
        return this;
    }

    /** Plays a WAV file (mono: 16-bit PCM, µ-law or A-law) at the rate in its header. */
    public SimulatedCall playWav(Path wav) throws IOException {
        return play(Wav.read(Files.readAllBytes(wav)));
    }

    /** Plays a WAV file given as bytes, at the rate in its header. */
    public SimulatedCall playWav(byte[] wav) throws IOException {
        return play(Wav.read(wav));
    }

    /** Plays a sine tone at the call's rate. */
    public SimulatedCall playTone(double hz, Duration duration) throws IOException {
        return play(tone(hz, sampleRate, duration));
    }

    /** Plays digital silence (zero samples): audio messages keep coming, as from a channel that is quiet. */
    public SimulatedCall playSilence(Duration duration) throws IOException {
        return play(new byte[samples(sampleRate, duration) * 2]);
    }

    /** Sends nothing for a while, as Asterisk does for a caller whose channel produces no media. */
    public SimulatedCall pause(Duration duration) {
        timelineNanos = Math.max(timelineNanos, System.nanoTime()) + duration.toNanos();
        waitForTimeline();
        return this;
    }

    /** Sends one DTMF message per digit ({@code 0-9 * # A-D}), as Asterisk does when each key is released. */
    public SimulatedCall sendDtmf(String digits) throws IOException {
        for (char digit : digits.toCharArray()) {
            if (!DtmfFrame.isDigit(digit)) {
                throw new IllegalArgumentException("Not a DTMF digit: '" + digit + "'");
            }
        }
        for (char digit : digits.toCharArray()) {
            sendRaw(message(AudioSocketKind.DTMF.code(), new byte[] { (byte) digit }, 0, 1));
        }
        return this;
    }

    /**
     * Replays a recorded AudioSocket byte stream (such as a capture of what Asterisk sent), message by message, audio
     * messages 20 ms apart when {@code paced}. The stream should begin with its UUID message.
     */
    public SimulatedCall replay(byte[] stream, boolean paced) throws IOException {
        int offset = 0;
        while (offset + 3 <= stream.length) {
            int kind = stream[offset] & 0xff;
            int length = ((stream[offset + 1] & 0xff) << 8) | (stream[offset + 2] & 0xff);
            int end = Math.min(stream.length, offset + 3 + length);
            AudioSocketKind k = AudioSocketKind.fromCode(kind);
            if (paced && k != null && k.isAudio()) {
                waitForTimeline();
                timelineNanos += FRAME_NANOS;
            }
            out.write(stream, offset, end - offset);
            out.flush();
            offset = end;
        }
        if (offset < stream.length) {
            sendRaw(java.util.Arrays.copyOfRange(stream, offset, stream.length));
        }
        return this;
    }

    /** Sends the UUID message (done by {@link Builder#dial()}; for connections opened with {@link #connect}). */
    public SimulatedCall sendUuid(UUID callUuid) throws IOException {
        byte[] payload = ByteBuffer.allocate(16).putLong(callUuid.getMostSignificantBits())
                .putLong(callUuid.getLeastSignificantBits()).array();
        return sendRaw(message(AudioSocketKind.UUID.code(), payload, 0, 16));
    }

    /** Sends one audio message of the given kind, now, header and payload in one write. */
    public SimulatedCall sendAudio(int kind, byte[] payload) throws IOException {
        return sendAudio(kind, payload, 0, payload.length);
    }

    private SimulatedCall sendAudio(int kind, byte[] payload, int offset, int length) throws IOException {
        return sendRaw(message(kind, payload, offset, length));
    }

    /** Sends bytes exactly as given, in one write: for tests of malformed input. */
    public SimulatedCall sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Hangs up as Asterisk does when the caller leaves: closes the connection (a FIN, no hangup message). */
    public void hangup() throws IOException {
        socket.close();
    }

    /** Half-closes: sends the FIN but keeps reading what the server sends. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Aborts the connection with a TCP reset instead of a FIN. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Hangs up if the call is still up. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- what the server sent back

    /** Everything the server has sent so far, in order. */
    public synchronized List<ReceivedMessage> received() {
        return new ArrayList<>(received);
    }

    /** The payloads of all audio messages received so far, concatenated. */
    public synchronized byte[] receivedAudio() {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        for (ReceivedMessage message : received) {
            if (message.isAudio()) {
                audio.writeBytes(message.payload());
            }
        }
        return audio.toByteArray();
    }

    /** Waits until at least {@code count} messages have arrived (or the server closed); returns all received. */
    public List<ReceivedMessage> awaitReceived(int count, Duration timeout) throws InterruptedException {
        awaitCondition(() -> received.size() >= count, timeout);
        return received();
    }

    /**
     * Waits until the server has played at least {@code audio} of audio into the call (or closed it); returns the
     * audio received.
     */
    public byte[] awaitAudio(Duration audio, Duration timeout) throws InterruptedException {
        double millis = audio.toNanos() / 1e6;
        awaitCondition(() -> received.stream().mapToDouble(ReceivedMessage::audioMillis).sum() >= millis - 1e-6,
                timeout);
        return receivedAudio();
    }

    /** Waits until the server has closed the connection (or it broke); true if it did. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return awaitCondition(() -> serverClosed, timeout);
    }

    /** Waits until the server ends the call (a hangup message or closing the connection); true if it did. */
    public boolean awaitHangup(Duration timeout) throws InterruptedException {
        return awaitCondition(() -> serverClosed || serverSentHangup, timeout);
    }

    /** True once the server sent a hangup message. */
    public synchronized boolean serverSentHangup() {
        return serverSentHangup;
    }

    /** True once the server closed the connection (or it broke). */
    public synchronized boolean isClosedByServer() {
        return serverClosed;
    }

    // ---- helpers

    /** A sine tone as 16-bit little-endian PCM, at about half of full scale. */
    public static byte[] tone(double hz, int sampleRate, Duration duration) {
        int samples = samples(sampleRate, duration);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / sampleRate));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    private static int samples(int sampleRate, Duration duration) {
        return (int) (duration.toNanos() * sampleRate / 1_000_000_000L);
    }

    private static byte[] message(int kind, byte[] payload, int offset, int length) {
        byte[] message = new byte[3 + length];
        message[0] = (byte) kind;
        message[1] = (byte) (length >> 8);
        message[2] = (byte) length;
        System.arraycopy(payload, offset, message, 3, length);
        return message;
    }

    private void waitForTimeline() {
        long wait;
        while ((wait = timelineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        // a caller that fell behind (a slow test thread) does not send a burst to catch up: Asterisk would not either
        timelineNanos = Math.max(timelineNanos, System.nanoTime() - FRAME_NANOS);
    }

    private interface Condition {
        boolean holds();
    }

    private synchronized boolean awaitCondition(Condition condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds() && !serverClosed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return condition.holds();
    }

    private void readLoop() {
        // buffered: a message is one read from the socket, not four. Not closed here: closing a socket's stream closes
        // the socket, and a server that closes at once (a refused call) would then fail the UUID dial() is writing
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 8192));
            while (true) {
                int kind = in.read();
                if (kind < 0) {
                    break;
                }
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                in.readFully(payload);
                Duration at = Duration.ofNanos(System.nanoTime() - connectedNanos);
                synchronized (this) {
                    received.add(new ReceivedMessage(kind, payload, at));
                    serverSentHangup |= kind == AudioSocketKind.HANGUP.code();
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // closed or reset: the call is over
        } finally {
            synchronized (this) {
                serverClosed = true;
                notifyAll();
            }
        }
    }

    /** How to dial a {@link SimulatedCall}. */
    public static final class Builder {

        private final String host;
        private final int port;
        private UUID uuid = UUID.randomUUID();
        private int sampleRate = AudioSocketKind.DEFAULT_SAMPLE_RATE;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private SSLContext tls;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            this.port = port;
        }

        /** The call's UUID (default: a random one). */
        public Builder uuid(UUID uuid) {
            this.uuid = Objects.requireNonNull(uuid, "uuid");
            return this;
        }

        /** The rate of the audio the call sends (default 8000, as {@code AudioSocket()}); one of the nine. */
        public Builder sampleRate(int sampleRate) {
            AudioSocketKind.forSampleRate(sampleRate);
            this.sampleRate = sampleRate;
            return this;
        }

        /** How long to wait for the server to accept (default 2 s, as Asterisk). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Connects over TLS, trusting what the given context trusts. */
        public Builder tls(SSLContext tls) {
            this.tls = tls;
            return this;
        }

        /** Connects and sends the UUID. */
        public SimulatedCall dial() throws IOException {
            SimulatedCall call = open(uuid);
            call.sendUuid(uuid);
            return call;
        }

        private SimulatedCall connectOnly() throws IOException {
            return open(null);
        }

        private SimulatedCall open(UUID callUuid) throws IOException {
            Socket socket = tls != null ? tls.getSocketFactory().createSocket() : new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
                if (socket instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                }
                return new SimulatedCall(socket, callUuid, sampleRate);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
    }
}
