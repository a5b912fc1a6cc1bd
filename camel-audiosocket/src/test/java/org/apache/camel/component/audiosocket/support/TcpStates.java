package org.apache.camel.component.audiosocket.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the kernel's table of TCP sockets (Linux /proc/net/tcp), to see connections a server left half-closed. */
public final class TcpStates {

    private static final String CLOSE_WAIT = "08";

    private TcpStates() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Sockets whose local port is {@code port} and that sit in CLOSE-WAIT (the peer closed, we did not). */
    public static long closeWaitOnLocalPort(int port) throws IOException {
        long count = 0;
        for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[1].contains(":")) {
                    continue;
                }
                int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                if (localPort == port && CLOSE_WAIT.equals(f[3])) {
                    count++;
                }
            }
        }
        return count;
    }
}
