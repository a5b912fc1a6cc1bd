package org.apache.camel.audiosocket.examples.voicebot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server (the JDK's) standing in for a speech service: it keeps every request it gets and answers each
 * with the next of the answers it was given (a WAV file, an HTTP error status, or a WAV file after a delay), or as a
 * parrot, with the utterance itself.
 */
final class SpeechServiceStandIn implements AutoCloseable {

    /** One answer: {@code status} 200 with the {@code wav}, or an error status; after {@code delayMillis}. */
    record Answer(int status, byte[] wav, long delayMillis) {
        static Answer wav(byte[] wav) {
            return new Answer(200, wav, 0);
        }

        static Answer error(int status) {
            return new Answer(status, new byte[0], 0);
        }

        static Answer late(byte[] wav, long delayMillis) {
            return new Answer(200, wav, delayMillis);
        }
    }

    /** What the bot sent. */
    record Request(String method, String contentType, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean parrot;

    SpeechServiceStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/speech", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/speech";
    }

    /** With no answer given, answer each utterance with itself: the bot repeats what the caller said. */
    SpeechServiceStandIn parrot() {
        parrot = true;
        return this;
    }

    void answer(Answer... next) {
        answers.addAll(List.of(next));
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), Map.copyOf(exchange.getRequestHeaders()),
                    in.readAllBytes());
            requests.add(request);
            Answer answer = answers.poll();
            if (answer == null && parrot) {
                answer = Answer.wav(request.body());
            }
            if (answer == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Thread.sleep(answer.delayMillis());
            if (answer.status() != 200) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, answer.wav().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.wav());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
