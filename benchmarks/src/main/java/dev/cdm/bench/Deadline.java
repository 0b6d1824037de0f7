package dev.cdm.bench;

import java.time.Duration;

/** The time limit of one benchmark run: every loop checks it and stops by itself once it has passed. */
public final class Deadline {

    private final long end;
    private final Duration limit;

    private Deadline(long end, Duration limit) {
        this.end = end;
        this.limit = limit;
    }

    public static Deadline in(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    public boolean passed() {
        return System.nanoTime() - end > 0;
    }

    public Duration limit() {
        return limit;
    }
}
