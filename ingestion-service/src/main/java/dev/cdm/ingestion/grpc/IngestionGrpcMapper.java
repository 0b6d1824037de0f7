package dev.cdm.ingestion.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.RejectionReason;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RecordRejection;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns ingestion's proto messages into the profile-service command, its answers, and rejected-record api records. */
final class IngestionGrpcMapper {

    private IngestionGrpcMapper() {
    }

    /**
     * The command for profile-service: the normalized key, the policy, and the person fields as the source sent them,
     * so that profile-service keeps each original beside its normalized value (it judges every field again by the
     * same kernel rules, so it accepts what was accepted here).
     */
    static RegisterSourceRecordRequest toRegistration(JudgedRecord record, Instant receivedAt) {
        PersonFields person = record.request().getPerson();
        return RegisterSourceRecordRequest.newBuilder()
                .setKey(dev.cdm.proto.v1.SourceRecordKey.newBuilder()
                        .setSource(record.key().source())
                        .setSourceRecordId(record.key().sourceRecordId()))
                .setPerson(person)
                .setReceivedAt(timestamp(receivedAt))
                .setInvalidFields(record.request().getInvalidFields())
                .build();
    }

    /** profile-service's answer with the fields this service dropped (and any more that profile-service dropped). */
    static IngestRecordResponse accepted(IngestRecordResponse registered, PersonData person) {
        IngestRecordResponse.Builder answer = registered.toBuilder().clearDroppedFields();
        person.invalid().forEach((field, reason) -> answer.addDroppedFields(issue(field, reason)));
        registered.getDroppedFieldsList().stream()
                .filter(issue -> !person.invalid().containsKey(issue.getField()))
                .forEach(answer::addDroppedFields);
        return answer.build();
    }

    /** The refused record with the fields as submitted; {@code reason} null for a summary of {@code reasons}. */
    static RejectedRecord toRejected(JudgedRecord record, List<RejectionReason> reasons, String reason,
                                     RejectedBy rejectedBy, Instant rejectedAt) {
        PersonFields submitted = record.request().getPerson();
        return new RejectedRecord(record.rejectId(), record.key().source(), record.key().sourceRecordId(),
                rejectedBy, reason == null || reason.isBlank() ? RejectedRecord.summarize(reasons) : reason, reasons,
                rejectedAt, scalarFields(submitted), submitted.getExternalIdsMap());
    }

    /** The answer to a refused record inside a stream. */
    static RecordRejection toRejection(RejectedRecord rejected) {
        return RecordRejection.newBuilder()
                .setRejectId(rejected.id())
                .setReason(rejected.reason())
                .addAllViolations(rejected.reasons().stream().map(r -> issue(r.field(), r.description())).toList())
                .build();
    }

    /** The field violations of an INVALID_ARGUMENT status, or its description when it carries none. */
    static List<RejectionReason> reasons(StatusRuntimeException refusal) {
        List<RejectionReason> reasons = new ArrayList<>();
        com.google.rpc.Status status = StatusProto.fromThrowable(refusal);
        for (Any detail : status == null ? List.<Any>of() : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                reasons.addAll(reasons(unpack(detail).getFieldViolationsList()));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(new RejectionReason("", String.valueOf(refusal.getStatus().getDescription())));
        }
        return reasons;
    }

    static List<RejectionReason> reasons(List<BadRequest.FieldViolation> violations) {
        return violations.stream().map(v -> new RejectionReason(v.getField(), v.getDescription())).toList();
    }

    /** profile-service's refusal of one record of a batch. */
    static List<RejectionReason> reasons(RecordRejection rejection) {
        List<RejectionReason> reasons = rejection.getViolationsList().stream()
                .map(v -> new RejectionReason(v.getField(), v.getReason()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (reasons.isEmpty()) {
            reasons.add(new RejectionReason("", rejection.getReason()));
        }
        return reasons;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The submitted single-valued fields by proto field name (external ids are kept apart). */
    private static Map<String, String> scalarFields(PersonFields person) {
        Map<String, String> fields = new TreeMap<>();
        person.getAllFields().forEach((field, value) -> {
            if (!field.isMapField()) {
                fields.put(field.getName(), value.toString());
            }
        });
        return fields;
    }

    private static FieldIssue issue(String field, String reason) {
        return FieldIssue.newBuilder().setField(field).setReason(reason).build();
    }

    private static BadRequest unpack(Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (InvalidProtocolBufferException e) {
            return BadRequest.getDefaultInstance();
        }
    }
}
