package dev.cdm.bench.eventstore;

import static dev.cdm.bench.report.Numbers.decimal;
import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Appends the planned events in batches (one committed transaction each) and times them in windows of a fixed
 * number of events. Windows end at multiples of the window size, so "the window ending at 1,000,000" is the
 * same slice of the history in every run.
 */
final class Appender {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final EventStorageEngine engine;
    private final EventPlan plan;
    private final int batchSize;
    private final int windowSize;
    private final Consumer<String> progress;
    private final List<Window> windows = new ArrayList<>();
    private long appended;
    private long lastProgress = System.nanoTime();

    Appender(EventStorageEngine engine, EventPlan plan, int batchSize, int windowSize, Consumer<String> progress) {
        this.engine = engine;
        this.plan = plan;
        this.batchSize = batchSize;
        this.windowSize = windowSize;
        this.progress = progress;
    }

    long appended() {
        return appended;
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }

    /** Appends until {@code target} events are stored; false if the deadline stopped it first. */
    boolean appendUntil(long target, Deadline deadline) {
        long windowStart = System.nanoTime();
        long windowEvents = 0;
        while (appended < target) {
            if (deadline.passed()) {
                return false;
            }
            int count = (int) Math.min(Math.min(batchSize, target - appended), windowSize - appended % windowSize);
            engine.appendEvents(plan.batch(appended, count));
            appended += count;
            windowEvents += count;
            if (appended % windowSize == 0 || appended == target) {
                long now = System.nanoTime();
                Window window = new Window(appended, windowEvents, now - windowStart);
                windows.add(window);
                report(window, target, now);
                windowStart = now;
                windowEvents = 0;
            }
        }
        return true;
    }

    private void report(Window window, long target, long now) {
        if (now - lastProgress >= PROGRESS_EVERY_NANOS || window.endSize() == target) {
            progress.accept("appended " + grouped(window.endSize()) + " / " + grouped(target) + " events; last "
                    + grouped(window.events()) + " at " + decimal(window.rate()) + " events/s");
            lastProgress = now;
        }
    }

    /** {@code events} appended in {@code nanos}, ending when the store held {@code endSize} events. */
    record Window(long endSize, long events, long nanos) {
        double rate() {
            return dev.cdm.bench.report.Numbers.perSecond(events, nanos);
        }
    }
}
