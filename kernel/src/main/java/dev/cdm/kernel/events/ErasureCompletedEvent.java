package dev.cdm.kernel.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every service acknowledged an erasure: {@code evidenceSha256} is the hash of its certificate's content. */
@EventType("cdm.dsr.ErasureCompleted")
@Revision("1")
public record ErasureCompletedEvent(String requestId, Instant completedAt, String evidenceSha256) {
}
