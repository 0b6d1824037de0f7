package dev.cdm.kernel.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One record in one source system: the unit of idempotent ingestion. The source {@value #RECTIFICATION} is
 * reserved: its records hold the corrections of data-subject requests (GDPR Art. 16), whose values supersede every
 * other source's.
 */
public record SourceRecordKey(String source, String sourceRecordId) {

    public static final String RECTIFICATION = "rectification";

    public SourceRecordKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceRecordId, "sourceRecordId");
    }

    /** The id of the profile that a record founds when it is first seen: the same record always yields the same id. */
    public String foundingProfileId() {
        return nameUuid("source-record\u0000" + source + "\u0000" + sourceRecordId);
    }

    /**
     * The id of the profile the record founds when the one it founded before, {@code erasedProfileId}, was erased:
     * a brand-new person (GDPR Art. 17), and the same id on every retry of the record.
     */
    public String refoundingProfileId(String erasedProfileId) {
        return nameUuid("source-record\u0000" + source + "\u0000" + sourceRecordId + "\u0000after\u0000"
                + erasedProfileId);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The record of the corrections that data-subject request {@code requestId} made. */
    public static SourceRecordKey rectification(String requestId) {
        return new SourceRecordKey(RECTIFICATION, requestId);
    }

    /** Whether this record holds a rectification's corrections (not named is…: Jackson would store it). */
    public boolean correctsProfile() {
        return RECTIFICATION.equals(source);
    }

    @Override
    public String toString() {
        return source + "/" + sourceRecordId;
    }
}
