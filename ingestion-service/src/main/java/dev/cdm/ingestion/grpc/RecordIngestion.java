package dev.cdm.ingestion.grpc;

import com.mongodb.MongoException;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.ingestion.suppression.SuppressionList;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.kernel.grpc.PersonRules;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The ingestion path of one record, shared by {@code IngestRecord}, {@code IngestStream} and
 * {@code ResubmitRejects}: judge it with the kernel's rules under the record's policy, register it with
 * profile-service, keep it as a reject when refused, resolve its reject when accepted. Logs name records only by
 * key and fields by name: their values are personal data.
 */
@ApplicationScoped
class RecordIngestion {

    static final String REJECTION_NOT_STORED = "the record was refused (%s) but the refusal could not be stored: "
            + "the record was not accepted; retrying is safe";
    private static final Logger LOG = Logger.getLogger(RecordIngestion.class);

    @Inject
    ProfileServiceClient profiles;

    @Inject
    RejectedRecordRepository rejections;

    @Inject
    IngestionMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    PersonRules personRules;

    @Inject
    SuppressionList suppression;

    /** Judges the record; {@code rejectId} names its reject when known (a resubmission), else it is derived. */
    JudgedRecord judge(IngestRecordRequest request, String rejectId) {
        FieldViolations violations = new FieldViolations();
        SourceRecordKey key = PersonFieldsMapper.toKey(request.getKey(), violations);
        boolean keyValid = violations.isEmpty();
        PersonData person = personRules.toPersonData(request.getPerson(), request.getInvalidFields(), violations);
        String id = rejectId != null ? rejectId
                : keyValid ? RejectedRecord.idFor(key) : UUID.randomUUID().toString();
        boolean suppressed = violations.isEmpty() && suppression.suppresses(person);
        return new JudgedRecord(request, key, person, violations, id, suppressed);
    }

    /**
     * Ingests one record and answers profile-service's result; throws INVALID_ARGUMENT when it was refused (and
     * kept), UNAVAILABLE or INTERNAL when profile-service failed (nothing kept: retrying is safe).
     */
    IngestRecordResponse ingest(IngestRecordRequest request, String rejectId) {
        JudgedRecord record = judge(request, rejectId);
        if (record.suppressed()) {
            metrics.rejected(RejectedBy.SUPPRESSION);
            LOG.infof("Record %s refused: suppressed at its subject's request", record.key());
            throw Status.FAILED_PRECONDITION.withDescription(JudgedRecord.SUPPRESSED).asRuntimeException();
        }
        if (!record.isValid()) {
            throw reject(record, record.violations().toException(), RejectedBy.VALIDATION);
        }
        IngestRecordResponse registered;
        try {
            registered = profiles.register(IngestionGrpcMapper.toRegistration(record, clock.instant()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw reject(record, e, RejectedBy.PROFILE_SERVICE);
            }
            metrics.peerFailed(e.getStatus().getCode());
            LOG.warnf("Record %s not accepted: %s", record.key(), e.getStatus().getDescription());
            throw e;
        }
        resolve(record);
        metrics.ingested(registered.getOutcome());
        return IngestionGrpcMapper.accepted(registered, record.person());
    }

    /** The record was accepted, so its reject (if open) is resolved; a failure here leaves it open, and is logged. */
    private void resolve(JudgedRecord record) {
        try {
            rejections.resolve(record.rejectId(), clock.instant());
        } catch (MongoException e) {
            LOG.warnf(e, "Record %s accepted, but its reject could not be marked resolved", record.key());
        }
    }

    /** Stores the refused record, then answers with the refusal (UNAVAILABLE when it could not be stored). */
    private StatusRuntimeException reject(JudgedRecord record, StatusRuntimeException refusal, RejectedBy rejectedBy) {
        RejectedRecord rejected = IngestionGrpcMapper.toRejected(record, IngestionGrpcMapper.reasons(refusal), null,
                rejectedBy, clock.instant());
        try {
            rejections.store(rejected);
        } catch (MongoException e) {
            LOG.errorf(e, "Refused record %s could not be stored", rejected.id());
            return Status.UNAVAILABLE.withCause(e)
                    .withDescription(REJECTION_NOT_STORED.formatted(refusal.getStatus().getDescription()))
                    .asRuntimeException();
        }
        metrics.rejected(rejectedBy);
        LOG.infof("Record %s refused by %s: %s", rejected.id(), rejectedBy, fieldNames(rejected));
        return refusal;
    }

    static String fieldNames(RejectedRecord rejected) {
        return rejected.reasons().stream().map(r -> r.field().isBlank() ? "(record)" : r.field()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("(record)");
    }
}
