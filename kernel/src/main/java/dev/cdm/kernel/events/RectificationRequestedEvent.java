package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A compliance officer asked to correct a data subject's profile (GDPR Art. 16). {@code fields} names the corrected
 * fields (proto names); the values themselves go to profile-service and are never recorded here.
 */
@EventType("cdm.dsr.RectificationRequested")
@Revision("1")
public record RectificationRequestedEvent(String requestId, String profileId, List<String> mergedProfileIds,
                                          String requestedBy, Regulation regulation, Instant requestedAt,
                                          Instant dueAt, List<String> fields) {

    public RectificationRequestedEvent {
        mergedProfileIds = List.copyOf(mergedProfileIds);
        fields = List.copyOf(fields);
    }
}
