package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The profile was erased by data-subject request {@code requestId}: its data keys are destroyed, it holds no records
 * any more and refuses new ones. Projections drop it; the ids in its history stay as the evidence of what was.
 */
@EventType("cdm.profile.ProfileErased")
@Revision("1")
public record ProfileErasedEvent(String profileId, String requestId, Instant erasedAt) {
}
