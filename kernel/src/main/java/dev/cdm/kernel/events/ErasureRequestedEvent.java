package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;

/**
 * A compliance officer asked to erase a data subject: the profile, the profiles merged into it and every source
 * record they hold. Ids only: the identifier the officer gave (an email, say) is never recorded. {@code regulation}
 * is null in events recorded before requests named one: those were GDPR requests.
 */
@EventType("cdm.dsr.ErasureRequested")
@Revision("1")
public record ErasureRequestedEvent(String requestId, String profileId, List<String> mergedProfileIds,
                                    List<SourceRecordKey> records, String requestedBy, Instant requestedAt,
                                    Instant dueAt, Regulation regulation) {

    public ErasureRequestedEvent {
        mergedProfileIds = List.copyOf(mergedProfileIds);
        records = List.copyOf(records);
        regulation = regulation == null ? Regulation.GDPR : regulation;
    }

    /** The profile and those merged into it. */
    public List<String> allProfileIds() {
        return Stream.concat(Stream.of(profileId), mergedProfileIds.stream()).toList();
    }
}
