package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** profile-service holds the corrected values of a rectification as {@code record} of the profile. */
@EventType("cdm.dsr.RectificationApplied")
@Revision("1")
public record RectificationAppliedEvent(String requestId, String profileId, SourceRecordKey record,
                                        Instant rectifiedAt) {
}
