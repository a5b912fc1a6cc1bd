package org.apache.camel.audiosocket.examples.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.netty.channel.epoll.Epoll;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.audiosocket.AudioSocketConstants;
import org.apache.camel.component.audiosocket.AudioSocketConsumer;
import org.apache.camel.component.audiosocket.server.AudioSocketServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The server side of a soak run: an echo route (each call's audio played back into it, paced) on
 * {@code audiosocket:0.0.0.0:PORT}, and a {@link ResourceSample} of the JVM every {@code --sample} period, so that a
 * long run shows whether heap after GC, threads, file descriptors or direct memory creep up while calls come and go.
 * On exit (Ctrl-C or SIGTERM) it takes one last sample with the calls gone and prints the first, middle and last.
 */
public final class SoakServer implements AutoCloseable {

    static final String USAGE = """
            Usage: java -jar soak-server.jar [--port N] [--sample DURATION]
              --port N             the port Asterisk or the call simulator dials (default 9092)
              --sample DURATION    how often to take and print a sample (default 1m; 30s, 500ms...)""";

    private final CamelContext context;
    private final AudioSocketServer server;
    private final ResourceSampler sampler;
    private final List<ResourceSample> samples = new ArrayList<>();

    private SoakServer(CamelContext context, AudioSocketServer server) {
        this.context = context;
        this.server = server;
        this.sampler = new ResourceSampler(server);
    }

    /** Starts the echo route on the port (0: any free port). */
    public static SoakServer start(int port) throws Exception {
        CamelContext context = new DefaultCamelContext();
        String uri = "audiosocket:0.0.0.0:" + port + "?exchangePattern=InOut&nativeTransport=" + Epoll.isAvailable();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // InOut: the body the route leaves is played back into the call. An AUDIO exchange leaves the audio
                // it brought; every other event leaves nothing, so nothing is played for it.
                from(uri).routeId("echo")
                        .filter(header(AudioSocketConstants.EVENT_TYPE).isNotEqualTo("AUDIO"))
                        .setBody(constant(null));
            }
        });
        context.start();
        AudioSocketServer server = ((AudioSocketConsumer) context.getRoute("echo").getConsumer()).getServer();
        return new SoakServer(context, server);
    }

    public int port() {
        return server.localAddress().getPort();
    }

    public AudioSocketServer server() {
        return server;
    }

    /** Takes a sample (after a full collection) and keeps it. */
    public synchronized ResourceSample sample() {
        ResourceSample sample = sampler.take();
        samples.add(sample);
        return sample;
    }

    public synchronized List<ResourceSample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The samples that matter for a soak: the first, middle and last taken under load (with at least half the peak
     * number of calls up, so that ramping up and down do not count), how much each figure moved from the first to
     * the last of them, and the server at rest before and after the calls.
     */
    public synchronized String summary() {
        int peak = samples.stream().mapToInt(ResourceSample::activeCalls).max().orElse(0);
        List<ResourceSample> loaded = samples.stream()
                .filter(sample -> peak > 0 && sample.activeCalls() * 2 >= peak).toList();
        if (loaded.isEmpty()) {
            return "No sample was taken under load (" + samples.size() + " samples)";
        }
        ResourceSample first = loaded.get(0);
        ResourceSample last = loaded.get(loaded.size() - 1);
        List<String> lines = new ArrayList<>();
        lines.add("Soak summary: " + loaded.size() + " of " + samples.size() + " samples under load (" + peak
                  + " calls up at the peak)");
        lines.add("         " + ResourceSample.HEADER);
        if (samples.get(0).activeCalls() == 0) {
            lines.add("at rest  " + samples.get(0).line());
        }
        lines.add("start    " + first.line());
        lines.add("middle   " + loaded.get(loaded.size() / 2).line());
        lines.add("end      " + last.line());
        ResourceSample after = samples.get(samples.size() - 1);
        if (after.activeCalls() == 0 && samples.size() > 1) {
            lines.add("at rest  " + after.line());
        }
        lines.add(String.format("start to end: heap after GC %+.1f MB, threads %+d, files %+d, JDK direct %+.1f MB,"
                                + " Netty direct %+.1f MB",
                (last.heapAfterGc() - first.heapAfterGc()) / 1048576.0, last.threads() - first.threads(),
                last.openFiles() - first.openFiles(), (last.jdkDirect() - first.jdkDirect()) / 1048576.0,
                (last.allocatorDirect() - first.allocatorDirect()) / 1048576.0));
        return String.join(System.lineSeparator(), lines);
    }

    @Override
    public void close() {
        context.stop();
    }

    public static void main(String[] args) throws Exception {
        int port = 9092;
        Duration every = Duration.ofMinutes(1);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--sample" -> every = duration(value(args, ++i));
                    case "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
        }
        run(port, every, System.out);
    }

    private static void run(int port, Duration every, PrintStream out) throws Exception {
        SoakServer soak = start(port);
        out.printf("Echo route listening on port %d (%s), a sample every %s ms%n", soak.port(),
                Epoll.isAvailable() ? "epoll" : "NIO", every.toMillis());
        out.println(ResourceSample.HEADER);
        out.println(soak.sample().line());
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sampler");
            t.setDaemon(true);
            return t;
        });
        sampling.scheduleAtFixedRate(() -> out.println(soak.sample().line()), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sampling.shutdownNow();
            // the last sample is of the server at rest: every call gone, so whatever remains was kept
            out.println(soak.sample().line());
            out.println(soak.summary());
            soak.close();
            stopped.countDown();
        }, "soak-stop"));
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** A positive duration: 500ms, 30s, 2m. */
    static Duration duration(String value) {
        Duration duration = null;
        try {
            if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // not a number before the unit: explained below
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Not a duration: " + value + " (examples: 500ms, 30s, 2m)");
        }
        return duration;
    }
}
