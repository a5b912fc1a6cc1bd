package org.apache.camel.audiosocket.benchmarks.capacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link BenchServer} in a JVM of its own: started, asked for its heap, measured for CPU, stopped. */
final class ServerProcess implements AutoCloseable {

    /** Linux counts CPU time in clock ticks of 10 ms (USER_HZ, 100 on every mainstream kernel). */
    private static final double TICKS_PER_SECOND = 100;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    ServerProcess(String mode, int port, String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap));
        // e.g. -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=server.jfr to profile the servers
        String extra = System.getProperty("bench.serverJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), mode,
                String.valueOf(port)));
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

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc() throws IOException {
        return Long.parseLong(ask("heap"));
    }

    /** Audio bytes the forwarding route has taken. */
    long forwarded() throws IOException {
        return Long.parseLong(ask("forwarded"));
    }

    /** CPU time the server has used so far, user and system, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
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
