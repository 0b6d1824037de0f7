package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An erased subject asked to be suppressed: ingestion refuses, and keeps nothing of, any later record carrying one
 * of their identifiers. {@code suppressionKeys} are keyed HMACs ({@code SuppressionKeys}), never the identifiers or
 * their plain hashes.
 */
@EventType("cdm.dsr.IdentifiersSuppressed")
@Revision("1")
public record IdentifiersSuppressedEvent(String requestId, List<String> suppressionKeys, Instant suppressedAt) {

    public IdentifiersSuppressedEvent {
        suppressionKeys = List.copyOf(suppressionKeys);
    }
}
