package dev.cdm.profile.activity;

import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.events.SourceRecordKey;

/**
 * Whose activity it is, as its caller named them: by profile id, or by an identifier as a lookup key
 * ({@code email:…}, {@code phone:…}, {@code ext:…}) or a source record. Holds personal data: never logged.
 */
public sealed interface Customer {

    /** "profile_id", "email", "phone", "external_id" or "source_record". */
    String kind();

    record ByProfileId(String profileId) implements Customer {
        @Override
        public String kind() {
            return "profile_id";
        }
    }

    /** An email, phone or external id, as the profile lookup keys it. */
    record ByIdentifier(String kind, String lookupKey) implements Customer {
    }

    record ByRecord(SourceRecordKey record) implements Customer {
        @Override
        public String kind() {
            return "source_record";
        }

        /** The pending-activity lookup of a record, beside those of identifiers. */
        public String lookupKey() {
            return lookupKeyOf(record);
        }
    }

    static String lookupKeyOf(SourceRecordKey record) {
        return "record:" + DataSubjects.of(record);
    }
}
