package dev.cdm.consent.api;

import java.time.Instant;

/** A legal hold in force on a subject's data: erasure waits until it is released. */
public record LegalHold(String holdId, String reason, String placedBy, Instant placedAt) {
}
