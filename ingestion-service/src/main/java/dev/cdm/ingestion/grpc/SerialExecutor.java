package dev.cdm.ingestion.grpc;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs tasks one at a time, in the order they were given, on a shared pool: the state of one stream is touched by
 * one thread at a time without locks, and a stream occupies at most one pool thread (only while it has work).
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                pool.execute(this::runAll);
            } catch (RejectedExecutionException shuttingDown) {
                tasks.clear();
                running.set(false);
            }
        }
    }

    private void runAll() {
        try {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("A stream task failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
