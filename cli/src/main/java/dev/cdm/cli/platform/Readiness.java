package dev.cdm.cli.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Cheap, non-blocking-ish probes: each answers within about a second. */
final class Readiness {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private Readiness() {
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first complete line starting with {@code prefix} written to {@code log} after byte {@code offset}. */
    static Optional<String> lineInLog(Path log, long offset, String prefix) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            // the last line may still be half written
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            return complete.lines().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static long sizeOf(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
