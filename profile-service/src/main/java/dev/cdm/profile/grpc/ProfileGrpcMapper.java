package dev.cdm.profile.grpc;

import dev.cdm.profile.activity.CustomerTraits;
import dev.cdm.profile.quality.DataQuality;
import dev.cdm.proto.v1.DataQualityFlag;
import com.google.protobuf.Timestamp;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileHistoryEntry;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.golden.GoldenRecord;
import dev.cdm.proto.v1.FieldEvidence;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.InvalidValue;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileAttribute;
import dev.cdm.proto.v1.ProfileExplanation;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.RecordExplanation;
import dev.cdm.proto.v1.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Turns profile api records into their proto messages. */
final class ProfileGrpcMapper {

    private ProfileGrpcMapper() {
    }

    /**
     * {@code view} with {@code golden}, its golden record, as the unified person and its provenance, with the
     * traits its activities give and its data-quality flags.
     */
    static Profile toProto(ProfileView view, GoldenRecord golden, CustomerTraits traits,
                           List<DataQuality.Flag> flags) {
        Profile.Builder profile = Profile.newBuilder()
                .setProfileId(view.profileId())
                .setPerson(PersonFieldsMapper.toProto(golden.person()))
                .setCreatedAt(timestamp(view.createdAt()))
                .setUpdatedAt(timestamp(view.updatedAt()))
                .setVersion(view.version());
        view.records().forEach(record -> profile.addSourceRecords(toProto(record)));
        golden.attributes().forEach(attribute -> profile.addAttributes(ProfileAttribute.newBuilder()
                .setField(attribute.field())
                .setSource(toProto(attribute.source()))
                .setReceivedAt(timestamp(attribute.receivedAt()))
                .setRule(attribute.rule())
                .addAllAlternates(attribute.alternates().stream().map(ProfileGrpcMapper::toProto).toList())));
        if (view.mergedInto() != null) {
            profile.setMergedInto(view.mergedInto());
        }
        flags.forEach(flag -> profile.addQualityFlags(DataQualityFlag.newBuilder().setFlag(flag.flag())
                .addAllFields(flag.fields()).setDetail(flag.detail())));
        return profile.setActivity(ActivityGrpcMapper.toProto(view.records(), traits)).build();
    }

    static ProfileHistory toProto(String profileId, List<ProfileHistoryEntry> entries) {
        ProfileHistory.Builder history = ProfileHistory.newBuilder().setProfileId(profileId);
        entries.forEach(entry -> history.addEntries(toProto(entry)));
        return history.build();
    }

    static dev.cdm.proto.v1.ProfileHistoryEntry toProto(ProfileHistoryEntry entry) {
        dev.cdm.proto.v1.ProfileHistoryEntry.Builder proto = dev.cdm.proto.v1.ProfileHistoryEntry.newBuilder()
                .setSequenceNumber(entry.sequenceNumber())
                .setTimestamp(timestamp(entry.timestamp()))
                .setEventType(entry.eventType())
                .setSummary(entry.summary())
                .addAllChangedFields(entry.changedFields())
                .setCorrelationId(Objects.requireNonNullElse(entry.correlationId(), ""))
                .setTraceId(Objects.requireNonNullElse(entry.traceId(), ""))
                .setCommandName(Objects.requireNonNullElse(entry.commandName(), ""))
                .setCaller(Objects.requireNonNullElse(entry.caller(), ""))
                .setOnBehalfOf(Objects.requireNonNullElse(entry.onBehalfOf(), ""));
        if (entry.record() != null) {
            proto.setRecord(toProto(entry.record()));
        }
        if (entry.person() != null) {
            proto.setPerson(PersonFieldsMapper.toProto(entry.person()));
        }
        return proto.build();
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
        LinkedSourceRecord.Builder proto = LinkedSourceRecord.newBuilder()
                .setKey(toProto(record.key()))
                .setPerson(PersonFieldsMapper.toProto(record.person()))
                .setReceivedAt(timestamp(record.receivedAt()))
                .setDecision(toProto(record.decision(), record.receivedAt()));
        record.person().invalid().forEach((field, reason) -> proto.addInvalidValues(InvalidValue.newBuilder()
                .setField(field)
                .setValue(record.person().originals().getOrDefault(field, ""))
                .setReason(reason)));
        return proto.build();
    }

    static ProfileExplanation explanation(ProfileView view) {
        ProfileExplanation.Builder explanation = ProfileExplanation.newBuilder()
                .setProfileId(view.profileId())
                .addAllMergedProfileIds(view.mergedProfileIds())
                .addAllKeptApartFrom(view.keptApartFrom());
        view.records().forEach(record -> {
            RecordExplanation.Builder entry = RecordExplanation.newBuilder().setKey(toProto(record.key()));
            entry.setDecision(toProto(record.decision(), record.receivedAt()));
            explanation.addRecords(entry);
        });
        return explanation.build();
    }

    private static dev.cdm.proto.v1.LinkDecision toProto(LinkDecision decision, Instant decidedAt) {
        dev.cdm.proto.v1.LinkDecision.Builder proto = dev.cdm.proto.v1.LinkDecision.newBuilder()
                .setRule(decision.rule())
                .setScore(decision.score())
                .setDecidedAt(timestamp(decidedAt))
                .setFromProfileId(Objects.requireNonNullElse(decision.fromProfileId(), ""))
                .setNote(Objects.requireNonNullElse(decision.note(), ""));
        if (decision.matchedRecord() != null) {
            proto.setMatchedRecord(toProto(decision.matchedRecord()));
        }
        decision.evidence().forEach(e -> proto.addEvidence(FieldEvidence.newBuilder()
                .setField(e.field()).setOutcome(e.outcome()).setWeight(e.weight())));
        return proto.build();
    }

    static SourceRecordKey toProto(dev.cdm.kernel.events.SourceRecordKey key) {
        return SourceRecordKey.newBuilder().setSource(key.source()).setSourceRecordId(key.sourceRecordId()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
