package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The profile was merged into {@code survivorProfileId}: it holds no records any more and answers as that one. */
@EventType("cdm.profile.ProfileMergedInto")
@Revision("1")
public record ProfileMergedIntoEvent(String profileId, String survivorProfileId, Instant mergedAt) {
}
