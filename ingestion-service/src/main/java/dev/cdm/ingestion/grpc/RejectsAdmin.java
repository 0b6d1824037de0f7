package dev.cdm.ingestion.grpc;

import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.StoredReject;
import dev.cdm.ingestion.rejected.RejectedRecordRepository;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.PersonalDataMask;
import dev.cdm.kernel.security.RecordAccessAudit;
import dev.cdm.proto.v1.AccessedRecord;
import dev.cdm.proto.v1.ListRejectsOfSubjectRequest;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.ListRejectsResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.proto.v1.ResubmitRejectsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code ListRejects} and {@code ResubmitRejects}: the review side of the reject store; {@code ListRejectsOfSubject}
 * for access requests. A listing holds the personal data of the people whose records were rejected, so it is audited
 * (consent-service's RecordAccess) before it is returned, by record and identifier key, as an access request finds it.
 */
@ApplicationScoped
class RejectsAdmin {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String LIMIT_RANGE = "must be between 1 and " + MAX_LIMIT + " (0 means " + DEFAULT_LIMIT + ")";
    static final String IDS_OR_ALL = "give reject ids, or none with all_open";
    private static final Logger LOG = Logger.getLogger(RejectsAdmin.class);
    /** What a listing returns of each reject that is personal: its submitted person fields. */
    static final List<String> AUDITED_FIELDS = PersonalDataMask.personalFields(PersonFields.getDescriptor());

    @Inject
    RejectedRecordRepository rejections;

    @Inject
    RecordIngestion ingestion;

    @Inject
    RecordAccessAudit audit;

    @Inject
    SuppressionKeys identifierKeys;

    ListRejectsResponse list(ListRejectsRequest request) {
        int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : request.getLimit();
        if (limit < 1 || limit > MAX_LIMIT) {
            new FieldViolations().add("limit", LIMIT_RANGE).throwIfAny();
        }
        List<StoredReject> listed = rejections.list(request.getSource().strip(), request.getIncludeResolved(), limit);
        if (!listed.isEmpty()) {
            audit.rejectsRead(listed.stream().map(this::audited).toList(), AUDITED_FIELDS);
        }
        ListRejectsResponse.Builder response = ListRejectsResponse.newBuilder();
        listed.forEach(reject -> response.addRejects(RejectsGrpcMapper.toProto(reject)));
        return response.build();
    }

    /** A listed reject as its audit names it: by key, and by the keyed HMACs of its email and phone. */
    private AccessedRecord audited(StoredReject reject) {
        RejectedRecord record = reject.rejected();
        Map<String, String> person = record.submittedPerson();
        return AccessedRecord.newBuilder()
                .setKey(dev.cdm.proto.v1.SourceRecordKey.newBuilder().setSource(record.source())
                        .setSourceRecordId(record.sourceRecordId()))
                .addAllIdentifierKeys(identifierKeys.of(person.get("email"), person.get("phone"),
                        person.get("country")))
                .build();
    }

    ListRejectsResponse ofSubject(ListRejectsOfSubjectRequest request) {
        if (request.getRecordsCount() == 0 && request.getIdentifierKeysCount() == 0) {
            new FieldViolations().add("records", "give the subject's records or identifier keys").throwIfAny();
        }
        List<SourceRecordKey> records = request.getRecordsList().stream()
                .map(key -> new SourceRecordKey(key.getSource(), key.getSourceRecordId())).toList();
        ListRejectsResponse.Builder response = ListRejectsResponse.newBuilder();
        rejections.findOfSubject(records, request.getIdentifierKeysList(), MAX_LIMIT)
                .forEach(reject -> response.addRejects(RejectsGrpcMapper.toProto(reject)));
        return response.build();
    }

    /**
     * Ingests each named (or every open) reject again under the requested policy. A reject that was resolved in
     * the meantime is skipped: its record was accepted since, and sending the older fields would undo that.
     */
    ResubmitRejectsResponse resubmit(ResubmitRejectsRequest request) {
        boolean byIds = request.getRejectIdsCount() > 0;
        if (byIds == request.getAllOpen()) {
            new FieldViolations().add("reject_ids", IDS_OR_ALL).throwIfAny();
        }
        List<String> ids = request.getAllOpen() ? rejections.openIds()
                : new ArrayList<>(new LinkedHashSet<>(request.getRejectIdsList()));
        if (!request.getAllOpen()) {
            ids.forEach(this::requireKnown);
        }
        int accepted = 0;
        int stillRejected = 0;
        for (String id : ids) {
            Optional<StoredReject> reject = rejections.find(id).filter(StoredReject::isOpen);
            if (reject.isEmpty()) {
                continue;
            }
            try {
                ingestion.ingest(RejectsGrpcMapper.toRequest(reject.get().rejected(), request.getInvalidFields()), id);
                accepted++;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
                    throw e;
                }
                stillRejected++;
            }
        }
        LOG.infof("Resubmitted %d reject(s): %d accepted, %d still rejected", accepted + stillRejected, accepted,
                stillRejected);
        return ResubmitRejectsResponse.newBuilder()
                .setResubmitted(accepted + stillRejected)
                .setAccepted(accepted)
                .setStillRejected(stillRejected)
                .build();
    }

    private void requireKnown(String id) {
        if (rejections.find(id).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("No reject with id " + id).asRuntimeException();
        }
    }
}
