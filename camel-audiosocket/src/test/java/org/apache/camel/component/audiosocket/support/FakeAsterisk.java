package org.apache.camel.component.audiosocket.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the Asterisk side of one AudioSocket call over a real TCP socket, as Asterisk would: UUID first, then messages,
 * TCP_NODELAY, and a FIN (not a hangup message) at the end. Everything the server sends back is read on a thread of
 * its own and kept with its arrival time.
 */
public final class FakeAsterisk implements AutoCloseable {

    /** A message received from the server, with System.nanoTime() at its arrival. */
    public record Received(int kind, byte[] payload, long nanoTime) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closedByServer = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean serverClosed;

    private FakeAsterisk(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "fake-asterisk-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static FakeAsterisk connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return new FakeAsterisk(socket);
    }

    /** Connects over TLS, trusting what the given context trusts, and completes the handshake. */
    public static FakeAsterisk connectTls(int port, javax.net.ssl.SSLContext tls) throws IOException {
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.startHandshake();
        return new FakeAsterisk(socket);
    }

    /** Sends raw bytes, exactly as given, in one write. */
    public FakeAsterisk sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public FakeAsterisk sendUuid(UUID uuid) throws IOException {
        return sendRaw(Frames.uuid(uuid));
    }

    public FakeAsterisk sendAudio(int kind, byte[] pcm) throws IOException {
        return sendRaw(Frames.frame(kind, pcm));
    }

    public FakeAsterisk sendDtmf(char digit) throws IOException {
        return sendRaw(Frames.frame(0x03, new byte[] { (byte) digit }));
    }

    /**
     * Sends a capture message by message; audio messages 20 ms apart when {@code paced}, as Asterisk sends them.
     */
    public FakeAsterisk play(Capture capture, boolean paced) throws IOException {
        byte[] bytes = capture.bytes();
        long start = System.nanoTime();
        int audio = 0;
        for (Capture.Message m : capture.messages()) {
            if (paced && m.kind() >= 0x10) {
                long due = start + audio * 20_000_000L;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                audio++;
            }
            out.write(bytes, m.offset(), 3 + m.length());
            out.flush();
        }
        return this;
    }

    /** Closes the connection with a FIN, as Asterisk does when the caller hangs up. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Half-closes: sends FIN but keeps reading what the server sends. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Aborts the connection with a TCP reset. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Waits until the server closed the connection; true if it did within the timeout. */
    public boolean awaitServerClose(long timeout, TimeUnit unit) throws InterruptedException {
        return closedByServer.await(timeout, unit);
    }

    public boolean isClosedByServer() {
        return serverClosed;
    }

    /** What the server has sent so far. */
    public synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} messages arrived; returns them all. */
    public List<Received> awaitReceived(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (received.size() < count && !serverClosed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return new ArrayList<>(received);
        }
    }

    /** All audio payloads received so far, concatenated. */
    public synchronized byte[] receivedAudio() {
        ByteBuffer all = ByteBuffer.allocate(received.stream().filter(r -> r.kind >= 0x10).mapToInt(r -> r.payload.length).sum());
        for (Received r : received) {
            if (r.kind >= 0x10) {
                all.put(r.payload);
            }
        }
        return all.array();
    }

    private void readLoop() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int kind = in.read();
                if (kind < 0) {
                    break;
                }
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                in.readFully(payload);
                long now = System.nanoTime();
                synchronized (this) {
                    received.add(new Received(kind, payload, now));
                    notifyAll();
                }
            }
        } catch (EOFException | SocketException e) {
            // closed
        } catch (IOException e) {
            // closed
        } finally {
            synchronized (this) {
                serverClosed = true;
                notifyAll();
            }
            closedByServer.countDown();
        }
    }
}
