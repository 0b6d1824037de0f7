package dev.cdm.ingestion.grpc;

import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens {@code IngestStream} calls and owns what they share: the batching settings and the dedicated pool
 * ({@code cdm-ingest-stream-N} threads) that runs their work and their linger timers. See {@link IngestStreamCall}.
 */
@ApplicationScoped
class IngestStreams {

    final int batchSize;
    final int maxInFlight;
    final Duration linger;
    final ScheduledThreadPoolExecutor pool;
    final RecordIngestion ingestion;
    final ProfileServiceClient profiles;
    final RejectedRecordRepository rejections;
    final IngestionMetrics metrics;
    final IngestStreamMetrics streamMetrics;
    final Clock clock;

    @Inject
    IngestStreams(@ConfigProperty(name = "cdm.ingestion.stream.batch-size", defaultValue = "256") int batchSize,
                  @ConfigProperty(name = "cdm.ingestion.stream.linger", defaultValue = "PT0.02S") Duration linger,
                  @ConfigProperty(name = "cdm.ingestion.stream.max-in-flight", defaultValue = "4") int maxInFlight,
                  @ConfigProperty(name = "cdm.ingestion.stream.threads", defaultValue = "4") int threads,
                  RecordIngestion ingestion, ProfileServiceClient profiles, RejectedRecordRepository rejections,
                  IngestionMetrics metrics, IngestStreamMetrics streamMetrics, Clock clock) {
        if (batchSize < 1 || threads < 1 || maxInFlight < 1 || linger.isNegative()) {
            throw new IllegalArgumentException("cdm.ingestion.stream.batch-size, .max-in-flight and .threads must be "
                    + "at least 1, .linger not negative");
        }
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.linger = linger;
        this.ingestion = ingestion;
        this.profiles = profiles;
        this.rejections = rejections;
        this.metrics = metrics;
        this.streamMetrics = streamMetrics;
        this.clock = clock;
        AtomicInteger threadCount = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "cdm-ingest-stream-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a call: takes over inbound flow control and asks for the records of the first batches. */
    StreamObserver<IngestStreamRequest> open(StreamObserver<IngestStreamResponse> responses) {
        return IngestStreamCall.start((ServerCallStreamObserver<IngestStreamResponse>) responses, this);
    }

    void schedule(Runnable task, Duration delay) {
        pool.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
