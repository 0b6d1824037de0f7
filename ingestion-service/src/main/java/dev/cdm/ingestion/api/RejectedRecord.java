package dev.cdm.ingestion.api;

import dev.cdm.kernel.events.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record that was refused, kept for review with the fields exactly as submitted. {@code id} is
 * {@code <source>/<source_record_id>}, or a generated id when the key itself was invalid. The submitted person
 * fields (proto field name to value) are personal data: they live only in an erasable store and are never logged.
 */
public record RejectedRecord(String id, String source, String sourceRecordId, RejectedBy rejectedBy,
                             List<RejectionReason> reasons, Instant rejectedAt,
                             @PersonalData Map<String, String> submittedPerson) {

    public RejectedRecord {
        Objects.requireNonNull(id, "id");
        reasons = List.copyOf(reasons);
        submittedPerson = Map.copyOf(submittedPerson);
    }
}
