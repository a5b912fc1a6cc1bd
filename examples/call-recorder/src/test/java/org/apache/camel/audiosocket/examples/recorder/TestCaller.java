package org.apache.camel.audiosocket.examples.recorder;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays Asterisk's side of one AudioSocket call over a raw socket, as Asterisk does: the UUID message first, audio
 * messages of 20 ms every 20 ms, DTMF as its own message, and a plain close (FIN) when the caller hangs up. What the
 * server sends back is read on a thread of its own.
 */
final class TestCaller implements AutoCloseable {

    /** A message from the server. */
    record Frame(int kind, byte[] payload) {
    }

    static final int KIND_UUID = 0x01;
    static final int KIND_DTMF = 0x03;
    static final int KIND_SLIN_8K = 0x10;
    /** 20 ms of 16-bit PCM at 8 kHz. */
    static final int FRAME_BYTES = 320;

    private final Socket socket;
    private final OutputStream out;
    private final List<Frame> received = new ArrayList<>();
    private boolean serverClosed;

    private TestCaller(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "test-caller-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static TestCaller dial(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return new TestCaller(socket);
    }

    void sendUuid(UUID uuid) throws IOException {
        send(KIND_UUID, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    /** Sends 8 kHz PCM as 320-byte audio messages, one every 20 ms, as Asterisk's AudioSocket() does. */
    void sendAudio(byte[] pcm) throws IOException {
        long start = System.nanoTime();
        for (int offset = 0, frame = 0; offset < pcm.length; offset += FRAME_BYTES, frame++) {
            long due = start + frame * TimeUnit.MILLISECONDS.toNanos(20);
            for (long wait; (wait = due - System.nanoTime()) > 0;) {
                LockSupport.parkNanos(wait); // pacing, as a real caller talks; not waiting for the server
            }
            byte[] payload = new byte[Math.min(FRAME_BYTES, pcm.length - offset)];
            System.arraycopy(pcm, offset, payload, 0, payload.length);
            send(KIND_SLIN_8K, payload);
        }
    }

    void sendDtmf(char digit) throws IOException {
        send(KIND_DTMF, new byte[] { (byte) digit });
    }

    /** Hangs up as Asterisk does: closes the connection (a FIN, no hangup message). */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Waits until the server has sent at least {@code bytes} of audio (or closed); returns all it sent. */
    synchronized List<Frame> awaitAudio(int bytes, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (audioBytes() < bytes && !serverClosed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return new ArrayList<>(received);
    }

    static byte[] concatAudio(List<Frame> frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.stream().filter(f -> f.kind() >= KIND_SLIN_8K).forEach(f -> all.writeBytes(f.payload()));
        return all.toByteArray();
    }

    private int audioBytes() {
        return received.stream().filter(f -> f.kind() >= KIND_SLIN_8K).mapToInt(f -> f.payload().length).sum();
    }

    /** One message, header and payload in a single write, as Asterisk needs it and sends it. */
    private void send(int kind, byte[] payload) throws IOException {
        byte[] message = new byte[3 + payload.length];
        message[0] = (byte) kind;
        message[1] = (byte) (payload.length >> 8);
        message[2] = (byte) payload.length;
        System.arraycopy(payload, 0, message, 3, payload.length);
        out.write(message);
        out.flush();
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            for (int kind; (kind = in.read()) >= 0;) {
                byte[] payload = new byte[in.readUnsignedShort()];
                in.readFully(payload);
                synchronized (this) {
                    received.add(new Frame(kind, payload));
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the socket was closed, by either side
        } finally {
            synchronized (this) {
                serverClosed = true;
                notifyAll();
            }
        }
    }
}
