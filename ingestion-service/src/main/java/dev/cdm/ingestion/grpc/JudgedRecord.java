package dev.cdm.ingestion.grpc;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.IngestRecordRequest;

/**
 * A record as ingestion's own rules judged it: its normalized key and person, the violations that refuse it (none
 * when it may go to profile-service), the id its reject has or would have, and whether it is {@code suppressed}:
 * it carries an identifier of an erased subject who asked not to be taken in again, so it is refused and nothing of
 * it is kept, not even as a reject.
 */
record JudgedRecord(IngestRecordRequest request, SourceRecordKey key, PersonData person, FieldViolations violations,
                    String rejectId, boolean suppressed) {

    static final String SUPPRESSED = "an identifier of this record belongs to an erased subject who asked to be"
            + " suppressed: the record is refused and not kept";

    boolean isValid() {
        return violations.isEmpty() && !suppressed;
    }
}
