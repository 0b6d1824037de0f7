package dev.cdm.ingestion.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.RejectionReason;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Turns ingestion's proto messages into the profile-service command and into rejected-record api records. */
final class IngestionGrpcMapper {

    private IngestionGrpcMapper() {
    }

    /** The command for profile-service, carrying the normalized key and fields. */
    static RegisterSourceRecordRequest toRegistration(SourceRecordKey key, PersonData person, Instant receivedAt) {
        return RegisterSourceRecordRequest.newBuilder()
                .setKey(dev.cdm.proto.v1.SourceRecordKey.newBuilder()
                        .setSource(key.source())
                        .setSourceRecordId(key.sourceRecordId()))
                .setPerson(PersonFieldsMapper.toProto(person))
                .setReceivedAt(Timestamp.newBuilder()
                        .setSeconds(receivedAt.getEpochSecond())
                        .setNanos(receivedAt.getNano()))
                .build();
    }

    /** The refused record with the fields as submitted; keyed by its normalized key unless the key was refused. */
    static RejectedRecord toRejected(IngestRecordRequest request, SourceRecordKey key, StatusRuntimeException refusal,
                                     RejectedBy rejectedBy, Instant rejectedAt) {
        List<RejectionReason> reasons = reasons(refusal);
        boolean keyRefused = reasons.stream().anyMatch(reason -> reason.field().startsWith("key"));
        String id = keyRefused ? UUID.randomUUID().toString() : key.toString();
        return new RejectedRecord(id, request.getKey().getSource(), request.getKey().getSourceRecordId(),
                rejectedBy, reasons, rejectedAt, submittedPerson(request));
    }

    /** The field violations of an INVALID_ARGUMENT status, or its description when it carries none. */
    static List<RejectionReason> reasons(StatusRuntimeException refusal) {
        List<RejectionReason> reasons = new ArrayList<>();
        com.google.rpc.Status status = StatusProto.fromThrowable(refusal);
        for (Any detail : status == null ? List.<Any>of() : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                unpack(detail).getFieldViolationsList()
                        .forEach(v -> reasons.add(new RejectionReason(v.getField(), v.getDescription())));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(new RejectionReason("", String.valueOf(refusal.getStatus().getDescription())));
        }
        return reasons;
    }

    private static Map<String, String> submittedPerson(IngestRecordRequest request) {
        Map<String, String> fields = new TreeMap<>();
        request.getPerson().getAllFields().forEach((field, value) -> fields.put(field.getName(), value.toString()));
        return fields;
    }

    private static BadRequest unpack(Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (InvalidProtocolBufferException e) {
            return BadRequest.getDefaultInstance();
        }
    }
}
