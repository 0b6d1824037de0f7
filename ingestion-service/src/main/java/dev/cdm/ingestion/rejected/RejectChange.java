package dev.cdm.ingestion.rejected;

import dev.cdm.ingestion.api.RejectedRecord;

/** What one resolved record of a batch does to the reject store: keep a refused record, or resolve a reject. */
public record RejectChange(RejectedRecord rejected, String resolvedId) {

    public static RejectChange store(RejectedRecord rejected) {
        return new RejectChange(rejected, null);
    }

    public static RejectChange resolve(String rejectId) {
        return new RejectChange(null, rejectId);
    }
}
