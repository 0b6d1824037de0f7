package dev.cdm.ingestion.grpc;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.IngestRecordRequest;

/**
 * A record as ingestion's own rules judged it: its normalized key and person, the violations that refuse it (none
 * when it may go to profile-service) and the id its reject has or would have.
 */
record JudgedRecord(IngestRecordRequest request, SourceRecordKey key, PersonData person, FieldViolations violations,
                    String rejectId) {

    boolean isValid() {
        return violations.isEmpty();
    }
}
