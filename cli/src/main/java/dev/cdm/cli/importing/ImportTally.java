package dev.cdm.cli.importing;

import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.RecordRejection;
import java.util.ArrayList;
import java.util.List;

/** The results of an import so far, by outcome, with the first rejected records; updated from gRPC threads. */
final class ImportTally {

    static final int REJECTS_KEPT = 20;

    private long accepted;
    private long rejected;
    private long created;
    private long linked;
    private long updated;
    private long unchanged;
    private long merged;
    private long droppedFields;
    private final List<RejectedRecord> firstRejects = new ArrayList<>();

    synchronized void answer(long line, String recordId, IngestStreamResponse response) {
        if (response.hasAccepted()) {
            accept(response.getAccepted());
        } else {
            RecordRejection rejection = response.getRejected();
            reject(new RejectedRecord(line, recordId, rejection.getRejectId(), rejection.getReason(),
                    rejection.getViolationsList()));
        }
    }

    /** A record the file cannot make a request of (no key): rejected here, never sent. */
    synchronized void rejectUnsent(long line, String recordId, FieldIssue issue) {
        reject(new RejectedRecord(line, recordId, "", "not sent", List.of(issue)));
    }

    private void accept(IngestRecordResponse result) {
        accepted++;
        merged += result.getMergedProfileIdsCount();
        droppedFields += result.getDroppedFieldsCount();
        switch (result.getOutcome()) {
            case INGEST_OUTCOME_CREATED -> created++;
            case INGEST_OUTCOME_LINKED -> linked++;
            case INGEST_OUTCOME_UPDATED -> updated++;
            case INGEST_OUTCOME_UNCHANGED -> unchanged++;
            default -> { }
        }
    }

    private void reject(RejectedRecord record) {
        rejected++;
        if (firstRejects.size() < REJECTS_KEPT) {
            firstRejects.add(record);
        }
    }

    synchronized ImportCounts counts() {
        return new ImportCounts(accepted, rejected, created, linked, updated, unchanged, merged, droppedFields);
    }

    synchronized List<RejectedRecord> firstRejects() {
        return List.copyOf(firstRejects);
    }
}
