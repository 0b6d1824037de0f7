package dev.cdm.profile.access;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import java.util.Set;

/**
 * A profile (or its history) without some person fields: emptied in the unified view, in every linked record and
 * in every event, and their provenance and the invalid values a source sent for them left out, so a withheld field
 * leaves no trace in the answer.
 */
final class Withholding {

    private Withholding() {
    }

    static Profile without(Profile profile, Set<String> fields) {
        if (fields.isEmpty()) {
            return profile;
        }
        Profile.Builder builder = profile.toBuilder().setPerson(without(profile.getPerson(), fields));
        builder.clearAttributes();
        profile.getAttributesList().stream().filter(attribute -> !fields.contains(attribute.getField()))
                .forEach(builder::addAttributes);
        builder.clearSourceRecords();
        for (LinkedSourceRecord record : profile.getSourceRecordsList()) {
            LinkedSourceRecord.Builder kept = record.toBuilder().setPerson(without(record.getPerson(), fields))
                    .clearInvalidValues();
            record.getInvalidValuesList().stream().filter(invalid -> !fields.contains(invalid.getField()))
                    .forEach(kept::addInvalidValues);
            builder.addSourceRecords(kept);
        }
        return builder.build();
    }

    static ProfileHistory without(ProfileHistory history, Set<String> fields) {
        if (fields.isEmpty()) {
            return history;
        }
        ProfileHistory.Builder builder = history.toBuilder().clearEntries();
        for (ProfileHistoryEntry entry : history.getEntriesList()) {
            builder.addEntries(entry.hasPerson()
                    ? entry.toBuilder().setPerson(without(entry.getPerson(), fields)).build() : entry);
        }
        return builder.build();
    }

    private static PersonFields without(PersonFields person, Set<String> fields) {
        PersonFields.Builder builder = person.toBuilder();
        for (String field : fields) {
            FieldDescriptor descriptor = PersonFields.getDescriptor().findFieldByName(field);
            if (descriptor != null) {
                builder.clearField(descriptor);
            }
        }
        return builder.build();
    }
}
