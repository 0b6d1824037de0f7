package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A compliance officer asked to restrict the processing of a data subject's data (GDPR Art. 18): the profile and
 * the profiles merged into it. Ids only.
 */
@EventType("cdm.dsr.RestrictionRequested")
@Revision("1")
public record RestrictionRequestedEvent(String requestId, String profileId, List<String> mergedProfileIds,
                                        String requestedBy, Regulation regulation, Instant requestedAt,
                                        Instant dueAt) {

    public RestrictionRequestedEvent {
        mergedProfileIds = List.copyOf(mergedProfileIds);
    }
}
