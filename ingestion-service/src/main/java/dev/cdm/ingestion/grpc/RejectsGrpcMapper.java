package dev.cdm.ingestion.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.StoredReject;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Reject;
import dev.cdm.proto.v1.SourceRecordKey;

/** Turns stored rejects into their proto form, and back into the request that ingests them again. */
final class RejectsGrpcMapper {

    private RejectsGrpcMapper() {
    }

    static Reject toProto(StoredReject stored) {
        RejectedRecord rejected = stored.rejected();
        Reject.Builder reject = Reject.newBuilder()
                .setRejectId(rejected.id())
                .setKey(key(rejected))
                .setPerson(person(rejected))
                .setReason(rejected.reason())
                .setRejectedAt(IngestionGrpcMapper.timestamp(rejected.rejectedAt()))
                .setAttempts(stored.attempts());
        rejected.reasons().forEach(reason -> reject.addViolations(FieldIssue.newBuilder()
                .setField(reason.field()).setReason(reason.description())));
        if (stored.resolvedAt() != null) {
            reject.setResolvedAt(IngestionGrpcMapper.timestamp(stored.resolvedAt()));
        }
        return reject.build();
    }

    /** The record as it was submitted, to be ingested again under {@code policy}. */
    static IngestRecordRequest toRequest(RejectedRecord rejected, InvalidFieldPolicy policy) {
        return IngestRecordRequest.newBuilder()
                .setKey(key(rejected))
                .setPerson(person(rejected))
                .setInvalidFields(policy)
                .build();
    }

    private static SourceRecordKey key(RejectedRecord rejected) {
        return SourceRecordKey.newBuilder()
                .setSource(rejected.source())
                .setSourceRecordId(rejected.sourceRecordId())
                .build();
    }

    /** Fields stored under names this version does not know (or no longer single-valued) are left out. */
    private static PersonFields person(RejectedRecord rejected) {
        PersonFields.Builder person = PersonFields.newBuilder();
        rejected.submittedPerson().forEach((name, value) -> {
            FieldDescriptor field = PersonFields.getDescriptor().findFieldByName(name);
            if (field != null && !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                person.setField(field, value);
            }
        });
        return person.putAllExternalIds(rejected.submittedExternalIds()).build();
    }
}
