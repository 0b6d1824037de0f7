package dev.cdm.ingestion.grpc;

import com.mongodb.MongoException;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Validates each record, registers it with profile-service, and keeps every refused record for review. Logs name
 * records only by source and record id: their fields are personal data.
 */
@GrpcService
@Blocking
public class IngestionGrpcService extends IngestionServiceGrpc.IngestionServiceImplBase {

    static final String REJECTION_NOT_STORED = "the record was refused (%s) but the refusal could not be stored: "
            + "the record was not accepted; retrying is safe";
    private static final Logger LOG = Logger.getLogger(IngestionGrpcService.class);

    @Inject
    ProfileServiceClient profiles;

    @Inject
    RejectedRecordRepository rejections;

    @Inject
    IngestionMetrics metrics;

    @Inject
    Clock clock;

    @Override
    public void ingestRecord(IngestRecordRequest request, StreamObserver<IngestRecordResponse> response) {
        FieldViolations violations = new FieldViolations();
        SourceRecordKey key = PersonFieldsMapper.toKey(request.getKey(), violations);
        PersonData person = PersonFieldsMapper.toPersonData(request.getPerson(), "person", LocalDate.now(clock),
                violations);
        if (!violations.isEmpty()) {
            throw reject(request, key, violations.toException(), RejectedBy.VALIDATION);
        }
        IngestRecordResponse registered;
        try {
            registered = profiles.register(IngestionGrpcMapper.toRegistration(key, person, clock.instant()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw reject(request, key, e, RejectedBy.PROFILE_SERVICE);
            }
            metrics.peerFailed(e.getStatus().getCode());
            LOG.warnf("Record %s not accepted: %s", key, e.getStatus().getDescription());
            throw e;
        }
        metrics.ingested(registered.getOutcome());
        response.onNext(registered);
        response.onCompleted();
    }

    /** Stores the refused record, then answers with the refusal (UNAVAILABLE when it could not be stored). */
    private StatusRuntimeException reject(IngestRecordRequest request, SourceRecordKey key,
                                          StatusRuntimeException refusal, RejectedBy rejectedBy) {
        RejectedRecord rejected = IngestionGrpcMapper.toRejected(request, key, refusal, rejectedBy, clock.instant());
        try {
            rejections.store(rejected);
        } catch (MongoException e) {
            LOG.errorf(e, "Refused record %s could not be stored", rejected.id());
            return Status.UNAVAILABLE.withCause(e)
                    .withDescription(REJECTION_NOT_STORED.formatted(refusal.getStatus().getDescription()))
                    .asRuntimeException();
        }
        metrics.rejected(rejectedBy);
        LOG.infof("Record %s refused by %s: %d field violation(s)", rejected.id(), rejectedBy,
                rejected.reasons().size());
        return refusal;
    }
}
