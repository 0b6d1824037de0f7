package dev.cdm.ingestion.api;

import java.time.Instant;

/**
 * A reject as stored: the refused record as last submitted, how often it was refused, and when the same
 * (source, source_record_id) was accepted afterwards ({@code resolvedAt}, null while the reject is open).
 */
public record StoredReject(RejectedRecord rejected, int attempts, Instant resolvedAt) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
