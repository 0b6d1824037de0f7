package dev.cdm.ingestion.grpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code IngestStream} calls did, beside {@link IngestionMetrics} (which counts their records too), in
 * Prometheus terms: {@code cdm_ingestion_streams_total{outcome}} (completed, failed, cancelled),
 * {@code cdm_ingestion_stream_records{result}} (records accepted / rejected per stream, a summary),
 * {@code cdm_ingestion_stream_batch_size} (records per batch, a summary) and
 * {@code cdm_ingestion_stream_buffered_records} (records received by all streams and not yet answered).
 */
@Startup
@ApplicationScoped
class IngestStreamMetrics {

    static final String STREAMS = "cdm.ingestion.streams";
    static final String STREAM_RECORDS = "cdm.ingestion.stream.records";
    static final String BATCH_SIZE = "cdm.ingestion.stream.batch.size";
    static final String BUFFERED = "cdm.ingestion.stream.buffered.records";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    private final MeterRegistry registry;
    private final AtomicInteger buffered = new AtomicInteger();
    private final DistributionSummary acceptedPerStream;
    private final DistributionSummary rejectedPerStream;
    private final DistributionSummary batchSizes;

    IngestStreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : new String[] {COMPLETED, FAILED, CANCELLED}) {
            streams(outcome);
        }
        acceptedPerStream = records("accepted");
        rejectedPerStream = records("rejected");
        batchSizes = DistributionSummary.builder(BATCH_SIZE).description("Records per batch sent on by a stream")
                .register(registry);
        // Held strongly: a gauge keeps only a weak reference by default, and a collected one drops out of /q/metrics.
        Gauge.builder(BUFFERED, buffered, AtomicInteger::get).strongReference(true)
                .description("Records received by ingestion streams and not yet answered").register(registry);
    }

    void streamEnded(String outcome, int accepted, int rejected) {
        streams(outcome).increment();
        acceptedPerStream.record(accepted);
        rejectedPerStream.record(rejected);
    }

    void batch(int size) {
        batchSizes.record(size);
    }

    /** Adds {@code delta} (negative when records were answered or dropped) to the records held by streams. */
    void buffered(int delta) {
        buffered.addAndGet(delta);
    }

    int buffered() {
        return buffered.get();
    }

    private Counter streams(String outcome) {
        return Counter.builder(STREAMS).description("IngestStream calls, by how they ended")
                .tag("outcome", outcome).register(registry);
    }

    private DistributionSummary records(String result) {
        return DistributionSummary.builder(STREAM_RECORDS).description("Records per IngestStream call, by result")
                .tag("result", result).register(registry);
    }
}
