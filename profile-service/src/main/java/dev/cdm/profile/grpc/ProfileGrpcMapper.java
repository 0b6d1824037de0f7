package dev.cdm.profile.grpc;

import com.google.protobuf.Timestamp;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.SourceRecordKey;
import java.time.Instant;

/** Turns profile api records into their proto messages. */
final class ProfileGrpcMapper {

    private ProfileGrpcMapper() {
    }

    static Profile toProto(ProfileView view) {
        Profile.Builder profile = Profile.newBuilder()
                .setProfileId(view.profileId())
                .setPerson(PersonFieldsMapper.toProto(view.person()))
                .setCreatedAt(timestamp(view.createdAt()))
                .setUpdatedAt(timestamp(view.updatedAt()))
                .setVersion(view.version());
        view.records().forEach(record -> profile.addSourceRecords(toProto(record)));
        return profile.build();
    }

    static IngestOutcome toProto(RegistrationOutcome outcome) {
        return switch (outcome) {
            case CREATED -> IngestOutcome.INGEST_OUTCOME_CREATED;
            case LINKED -> IngestOutcome.INGEST_OUTCOME_LINKED;
            case UPDATED -> IngestOutcome.INGEST_OUTCOME_UPDATED;
            case UNCHANGED -> IngestOutcome.INGEST_OUTCOME_UNCHANGED;
        };
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static LinkedSourceRecord toProto(LinkedRecordView record) {
        return LinkedSourceRecord.newBuilder()
                .setKey(SourceRecordKey.newBuilder()
                        .setSource(record.key().source())
                        .setSourceRecordId(record.key().sourceRecordId()))
                .setPerson(PersonFieldsMapper.toProto(record.person()))
                .setReceivedAt(timestamp(record.receivedAt()))
                .build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
