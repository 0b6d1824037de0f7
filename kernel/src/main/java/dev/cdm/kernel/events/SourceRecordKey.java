package dev.cdm.kernel.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** One record in one source system: the unit of idempotent ingestion. */
public record SourceRecordKey(String source, String sourceRecordId) {

    public SourceRecordKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceRecordId, "sourceRecordId");
    }

    /** The id of the profile that a record founds when it is first seen: the same record always yields the same id. */
    public String foundingProfileId() {
        String name = "source-record\u0000" + source + "\u0000" + sourceRecordId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return source + "/" + sourceRecordId;
    }
}
