package dev.cdm.cli.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Finds, stops and kills processes recorded in the state file. */
final class ProcessControl {

    /** Start times read back from /proc are rounded to clock ticks, so allow some slack. */
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

    private ProcessControl() {
    }

    /** The live process with this pid, but only if it is the one we started (pids get reused). */
    static Optional<ProcessHandle> find(long pid, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant()
                        .map(start -> Duration.between(start, startedAt).abs().compareTo(START_TIME_TOLERANCE) <= 0)
                        .orElse(true));
    }

    static Instant startTimeOf(ProcessHandle handle) {
        return handle.info().startInstant().orElseGet(Instant::now);
    }

    /** SIGTERM to all at once, then up to {@code timeout} for them to exit, then SIGKILL for the rest. */
    static void stop(List<ProcessHandle> processes, Duration timeout) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(process, Duration.ofNanos(remaining))) {
                kill(process);
            }
        }
    }

    /** SIGKILL, then wait until the process is gone. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
