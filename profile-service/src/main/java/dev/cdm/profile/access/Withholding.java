package dev.cdm.profile.access;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import java.util.Set;

/**
 * A profile without some person fields: emptied in the unified view and in every linked record, and the invalid
 * values a source sent for them left out, so a withheld field leaves no trace in the answer.
 */
final class Withholding {

    private Withholding() {
    }

    static Profile without(Profile profile, Set<String> fields) {
        if (fields.isEmpty()) {
            return profile;
        }
        Profile.Builder builder = profile.toBuilder().setPerson(without(profile.getPerson(), fields));
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
