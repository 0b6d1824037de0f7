package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Everything held about a data subject was exported to the requester (GDPR Art. 15 and 20). The export itself is
 * never stored: the event keeps its SHA-256 and size, as evidence of what was handed over.
 */
@EventType("cdm.dsr.SubjectDataExported")
@Revision("1")
public record SubjectDataExportedEvent(String requestId, String profileId, List<String> mergedProfileIds,
                                       int recordCount, String requestedBy, Regulation regulation, Instant requestedAt,
                                       Instant dueAt, Instant exportedAt, String contentSha256, long contentBytes) {

    public SubjectDataExportedEvent {
        mergedProfileIds = List.copyOf(mergedProfileIds);
    }
}
