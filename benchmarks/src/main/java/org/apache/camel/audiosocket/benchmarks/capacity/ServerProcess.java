package org.apache.camel.audiosocket.benchmarks.capacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link BenchServer} in a JVM of its own: started, asked for its heap, measured for CPU, stopped. */
final class ServerProcess implements AutoCloseable {

    /** Linux counts CPU time in clock ticks of 10 ms (USER_HZ, 100 on every mainstream kernel). */
    static final double TICKS_PER_SECOND = 100;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    ServerProcess(String mode, int port, String heap, String... jvmArgs) throws IOException {
        // e.g. -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=server.jfr to profile the servers
        this(mode, port, heap, System.getProperty("java.class.path"),
                split(String.join(" ", jvmArgs) + " " + System.getProperty("bench.serverJvmArgs", "")));
    }

    /** A server on the given class path (another build of the component, say), with JVM options separated by spaces. */
    static ServerProcess onClassPath(String mode, int port, String heap, String classPath, String jvmOptions)
            throws IOException {
        return new ServerProcess(mode, port, heap, classPath, split(jvmOptions));
    }

    private ServerProcess(String mode, int port, String heap, String classPath, List<String> jvmArgs)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the heap's pages touched up front, as they are after the first minutes of any server's life: a young heap
        // faults its pages in as the collector first uses them, kernel time that a short step would count against a
        // server that allocates more
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath, BenchServer.class.getName(), mode, String.valueOf(port)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        // the JVM may print first (a flight recording announces itself): skip to the server's own word
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            System.err.println(mode + ": " + line);
        }
        if (line == null) {
            throw new IOException("the " + mode + " server did not start");
        }
    }

    private static List<String> split(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc() throws IOException {
        return Long.parseLong(ask("heap"));
    }

    /** Audio bytes the forwarding route has taken. */
    long forwarded() throws IOException {
        return Long.parseLong(ask("forwarded"));
    }

    /**
     * What the server has used so far: CPU time and context switches, over all its threads, and the part of the CPU
     * time its JIT compiler threads used.
     */
    Usage usage() throws IOException {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        long[] times = cpuTicks(Files.readString(proc.resolve("stat")));
        long switches = 0;
        long compilerTicks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        long[] compiler = cpuTicks(stat);
                        compilerTicks += compiler[0] + compiler[1];
                    }
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended while we looked; its switches are lost to the count, as the kernel drops them
                }
            }
        }
        return new Usage(times[0] / TICKS_PER_SECOND, times[1] / TICKS_PER_SECOND, switches,
                compilerTicks / TICKS_PER_SECOND);
    }

    /** utime and stime of a process's or thread's stat line, in clock ticks. */
    private static long[] cpuTicks(String stat) {
        // the fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) };
    }

    /**
     * Waits, up to {@code most}, until the JIT compiler has been quiet (under 1 % of a core) for three seconds in a
     * row: a server given more calls than before takes new paths and compiles them for a while, which is warming up,
     * not the cost of the calls. The seconds waited.
     */
    double awaitCompilerQuiet(Duration most) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long until = start + most.toNanos();
        Usage before = usage();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() < until) {
            Thread.sleep(1000);
            Usage now = usage();
            quietSeconds = now.compilerSeconds() - before.compilerSeconds() < 0.01 ? quietSeconds + 1 : 0;
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** CPU seconds in user and kernel space, context switches (voluntary and not), and the JIT compiler's CPU seconds. */
    record Usage(double userSeconds, double systemSeconds, long switches, double compilerSeconds) {

        Usage minus(Usage earlier) {
            return new Usage(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds,
                    switches - earlier.switches, compilerSeconds - earlier.compilerSeconds);
        }
    }

    private String ask(String command) throws IOException {
        in.println(command);
        return out.readLine();
    }

    @Override
    public void close() throws Exception {
        in.println("quit");
        out.readLine();
        process.waitFor();
    }
}
