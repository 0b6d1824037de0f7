package dev.cdm.ingestion.grpc;

import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.rejected.RejectChange;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.RecordRejection;
import dev.cdm.proto.v1.RegisterSourceRecordResult;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of one stream resolved together: the valid ones go to profile-service in one {@code RegisterSourceRecords}
 * call, and once it answered, every record has its result and its change to the reject store, in request order.
 */
final class StreamBatch {

    /** A record of the stream and, once its batch was answered, profile-service's result for it. */
    static final class Entry {
        final long sequence;
        final JudgedRecord record;
        final Instant receivedAt;
        RegisterSourceRecordResult peer;

        Entry(long sequence, JudgedRecord record, Instant receivedAt) {
            this.sequence = sequence;
            this.record = record;
            this.receivedAt = receivedAt;
        }
    }

    /** The batch's answers and what they change, in request order; {@code refusedBy} is null for an accepted one. */
    record Outcome(List<IngestStreamResponse> results, List<RejectChange> changes, List<RejectedBy> refusedBy) {
    }

    final List<Entry> entries;
    final List<Entry> valid;

    StreamBatch(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.valid = entries.stream().filter(entry -> entry.record.isValid()).toList();
    }

    RegisterSourceRecordsRequest registration() {
        RegisterSourceRecordsRequest.Builder request = RegisterSourceRecordsRequest.newBuilder();
        valid.forEach(entry -> request.addRecords(IngestionGrpcMapper.toRegistration(entry.record, entry.receivedAt)));
        return request.build();
    }

    /** Takes profile-service's answer; INTERNAL when it does not hold one result per record sent, else null. */
    StatusRuntimeException answered(RegisterSourceRecordsResponse response) {
        boolean usable = response.getResultsCount() == valid.size() && response.getResultsList().stream()
                .noneMatch(r -> r.getResultCase() == RegisterSourceRecordResult.ResultCase.RESULT_NOT_SET);
        if (!usable) {
            return Status.INTERNAL.withDescription("profile-service answered a batch of %d records with %d results"
                    .formatted(valid.size(), response.getResultsCount())).asRuntimeException();
        }
        for (int i = 0; i < valid.size(); i++) {
            valid.get(i).peer = response.getResults(i);
        }
        return null;
    }

    /** The records refused by validation that lead the batch: their results are known without profile-service. */
    StreamBatch leadingRejects() {
        return new StreamBatch(entries.stream().takeWhile(entry -> !entry.record.isValid()).toList());
    }

    Outcome outcome(Instant now) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Entry entry : entries) {
            IngestStreamResponse.Builder result = IngestStreamResponse.newBuilder().setSequence(entry.sequence);
            if (entry.record.suppressed()) {
                result.setRejected(RecordRejection.newBuilder().setRejectId(entry.record.rejectId())
                        .setReason(JudgedRecord.SUPPRESSED));
                outcome.refusedBy().add(RejectedBy.SUPPRESSION);
            } else if (entry.peer != null && entry.peer.hasRegistered()) {
                outcome.changes().add(RejectChange.resolve(entry.record.rejectId()));
                result.setAccepted(IngestionGrpcMapper.accepted(entry.peer.getRegistered(), entry.record.person()));
                outcome.refusedBy().add(null);
            } else {
                RejectedRecord refused = refusal(entry, now);
                outcome.changes().add(RejectChange.store(refused));
                result.setRejected(IngestionGrpcMapper.toRejection(refused));
                outcome.refusedBy().add(refused.rejectedBy());
            }
            outcome.results().add(result.build());
        }
        return outcome;
    }

    private static RejectedRecord refusal(Entry entry, Instant now) {
        if (entry.peer == null) {
            return IngestionGrpcMapper.toRejected(entry.record,
                    IngestionGrpcMapper.reasons(entry.record.violations().list()), null, RejectedBy.VALIDATION, now);
        }
        return IngestionGrpcMapper.toRejected(entry.record, IngestionGrpcMapper.reasons(entry.peer.getRejected()),
                entry.peer.getRejected().getReason(), RejectedBy.PROFILE_SERVICE, now);
    }
}
