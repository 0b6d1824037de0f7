package dev.cdm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server process of a data directory, found by its {@code postmaster.pid} (pg_ctl detaches it
 * from the process that started it), so that a run can measure it and wait for it to exit before deleting files.
 */
public final class Postmaster {

    private Postmaster() {
    }

    /** The first line of {@code postmaster.pid}, when the server runs. */
    public static Optional<Long> pid(Path postgresDataDir) {
        try {
            List<String> lines = Files.readAllLines(postgresDataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Waits up to {@code timeout} for the process to exit; true when it is gone. */
    public static boolean awaitExit(long pid, Duration timeout) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.get().isAlive();
        }
    }
}
