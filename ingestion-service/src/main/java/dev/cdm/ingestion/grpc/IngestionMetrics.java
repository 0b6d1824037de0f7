package dev.cdm.ingestion.grpc;

import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.proto.v1.IngestOutcome;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Counters of what ingestion did, registered at startup so dashboards see them at zero:
 * {@code cdm_ingestion_records_total{outcome}}, {@code cdm_ingestion_rejections_total{rejected_by}} and
 * {@code cdm_ingestion_peer_failures_total{status}} in Prometheus terms.
 */
@Startup
@ApplicationScoped
class IngestionMetrics {

    static final String RECORDS = "cdm.ingestion.records";
    static final String REJECTIONS = "cdm.ingestion.rejections";
    static final String PEER_FAILURES = "cdm.ingestion.peer.failures";

    private final MeterRegistry registry;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (IngestOutcome outcome : IngestOutcome.values()) {
            if (outcome != IngestOutcome.UNRECOGNIZED) {
                records(outcome);
            }
        }
        for (RejectedBy rejectedBy : RejectedBy.values()) {
            rejections(rejectedBy);
        }
        peerFailures(Status.Code.UNAVAILABLE);
    }

    void ingested(IngestOutcome outcome) {
        records(outcome).increment();
    }

    void rejected(RejectedBy rejectedBy) {
        rejections(rejectedBy).increment();
    }

    void peerFailed(Status.Code code) {
        peerFailures(code).increment();
    }

    private Counter records(IngestOutcome outcome) {
        String name = outcome == IngestOutcome.UNRECOGNIZED ? "unrecognized"
                : outcome.name().substring("INGEST_OUTCOME_".length());
        return Counter.builder(RECORDS).description("Records registered with profile-service, by outcome")
                .tag("outcome", lower(name)).register(registry);
    }

    private Counter rejections(RejectedBy rejectedBy) {
        return Counter.builder(REJECTIONS).description("Records refused for validation and kept for review")
                .tag("rejected_by", lower(rejectedBy.name())).register(registry);
    }

    private Counter peerFailures(Status.Code code) {
        return Counter.builder(PEER_FAILURES).description("Records not accepted because profile-service failed")
                .tag("status", lower(code.name())).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
