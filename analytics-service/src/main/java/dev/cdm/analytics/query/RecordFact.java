package dev.cdm.analytics.query;

import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;

/** What analytics keeps of one linked source record: its key, its country (null = not given) and when it came. */
record RecordFact(SourceRecordKey key, String country, Instant receivedAt) {
}
