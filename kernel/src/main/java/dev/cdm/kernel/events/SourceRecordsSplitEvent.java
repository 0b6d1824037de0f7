package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A person undid a wrong link or merge: {@code records} left the profile and founded {@code newProfileId}; the two
 * profiles are kept apart from then on. {@code reason} is the person's note (no personal data).
 */
@EventType("cdm.profile.SourceRecordsSplit")
@Revision("1")
public record SourceRecordsSplitEvent(String profileId, String newProfileId, List<SourceRecordKey> records,
                                      String reason, Instant splitAt) {

    public SourceRecordsSplitEvent {
        records = List.copyOf(records);
    }
}
