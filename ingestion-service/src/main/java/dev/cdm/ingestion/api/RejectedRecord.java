package dev.cdm.ingestion.api;

import dev.cdm.kernel.events.PersonalData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record that was refused, kept for review with the fields exactly as submitted. {@code id} is
 * {@link #idFor derived from the key}, or a generated id when the key itself was invalid; {@code reason} is one line
 * for the whole record, {@code reasons} the field violations. The submitted person fields (proto field name to value)
 * and external ids (type to value) are personal data: they live only in an erasable store and are never logged.
 */
public record RejectedRecord(String id, String source, String sourceRecordId, RejectedBy rejectedBy, String reason,
                             List<RejectionReason> reasons, Instant rejectedAt,
                             @PersonalData Map<String, String> submittedPerson,
                             @PersonalData Map<String, String> submittedExternalIds) {

    public RejectedRecord {
        Objects.requireNonNull(id, "id");
        reasons = List.copyOf(reasons);
        submittedPerson = Map.copyOf(submittedPerson);
        submittedExternalIds = Map.copyOf(submittedExternalIds);
    }

    /**
     * The id of the reject of a record with a valid key: {@code <source>/<source_record_id>}, with {@code %} and
     * {@code /} escaped in the source so that no two keys share an id. Found without a query.
     */
    public static String idFor(SourceRecordKey key) {
        return key.source().replace("%", "%25").replace("/", "%2F") + "/" + key.sourceRecordId();
    }

    /** One line for a record refused for {@code reasons}, e.g. "2 invalid fields". */
    public static String summarize(List<RejectionReason> reasons) {
        long fields = reasons.stream().filter(reason -> !reason.field().isBlank()).count();
        if (fields == 0) {
            return reasons.isEmpty() ? "rejected" : reasons.get(0).description();
        }
        return fields == 1 ? "1 invalid field" : fields + " invalid fields";
    }
}
