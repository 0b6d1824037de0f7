package dev.cdm.bench.replay;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a replay spent its time, summed over the processor's threads: deserializing each event's payload (which
 * the processor does lazily, on the handler's first look, and which opens its personal data with the subject's
 * data key), inside the projection's handlers (which includes the batch's flush, run by the handler of its last
 * event), and of that in MongoDB reads (with their decoding into views) and MongoDB writes; and the data-key queries
 * (a fetched page's keys together, or a key on its own when opening missed the cache). Updated from several threads.
 */
final class ReadModelTimes {

    private final LongAdder deserializeNanos = new LongAdder();
    private final LongAdder handlerNanos = new LongAdder();
    private final LongAdder handled = new LongAdder();
    private final LongAdder readNanos = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder keyQueryNanos = new LongAdder();
    private final LongAdder pageKeyQueries = new LongAdder();
    private final LongAdder singleKeyQueries = new LongAdder();

    void deserialized(long nanos) {
        deserializeNanos.add(nanos);
    }

    void handled(long nanos) {
        handlerNanos.add(nanos);
        handled.increment();
    }

    void read(long nanos) {
        readNanos.add(nanos);
        reads.increment();
    }

    void wrote(long nanos) {
        writeNanos.add(nanos);
        writes.increment();
    }

    void keyQuery(long nanos, boolean page) {
        keyQueryNanos.add(nanos);
        (page ? pageKeyQueries : singleKeyQueries).increment();
    }

    Snapshot snapshot() {
        return new Snapshot(deserializeNanos.sum(), handlerNanos.sum(), handled.sum(), readNanos.sum(), reads.sum(),
                writeNanos.sum(), writes.sum(), new KeyQueries(keyQueryNanos.sum(), pageKeyQueries.sum(),
                singleKeyQueries.sum()));
    }

    /** The sums at one moment; {@code reads} and {@code writes} count MongoDB calls (a bulk write is one). */
    record Snapshot(long deserializeNanos, long handlerNanos, long handled, long readNanos, long reads,
                    long writeNanos, long writes, KeyQueries keyQueries) {

        /** Handler time outside MongoDB: folding, comparing lookup keys, building documents, Axon's invocation. */
        long handlerCpuNanos() {
            return Math.max(0, handlerNanos - readNanos - writeNanos);
        }
    }

    /** Data-key queries: {@code pages} fetched a page's keys together, {@code singles} one key each. */
    record KeyQueries(long nanos, long pages, long singles) {

        static final KeyQueries NONE = new KeyQueries(0, 0, 0);
    }
}
