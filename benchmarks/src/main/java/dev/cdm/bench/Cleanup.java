package dev.cdm.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo steps of one benchmark run (stop processes, delete the temp directory), run in reverse order on
 * {@link #close()}, or by a shutdown hook when the run is interrupted (Ctrl-C).
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "benchmark-cleanup");
    private boolean done;

    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public synchronized void add(String description, Runnable action) {
        steps.push(new Step(description, action));
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private synchronized void runAll() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.action().run();
            } catch (RuntimeException e) {
                System.err.println("Could not " + step.description() + ": " + e);
            }
        }
    }

    private record Step(String description, Runnable action) {
    }
}
