package dev.cdm.profile.access;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.profile.quality.DataQuality;
import dev.cdm.proto.v1.DataQualityFlag;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import java.util.Set;

/**
 * A profile (or its history) without some person fields: emptied in the unified view, in every linked record and
 * in every event, and their provenance and the invalid values a source sent for them left out, so a withheld field
 * leaves no trace in the answer. Without the {@linkplain ReadPolicy#ACTIVITY activity}: no purchases, interactions
 * or traits, no history entry of a recorded activity, and no date in the staleness flag (it may be the last
 * activity's).
 */
final class Withholding {

    private static final String ACTIVITY_RECORDED = CdmEventTypes.storedName(ActivityRecordedEvent.class);

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
        if (fields.contains(ReadPolicy.ACTIVITY)) {
            builder.clearActivity().clearQualityFlags();
            profile.getQualityFlagsList().stream().map(Withholding::withoutActivityDate)
                    .forEach(builder::addQualityFlags);
        }
        return builder.build();
    }

    private static DataQualityFlag withoutActivityDate(DataQualityFlag flag) {
        return flag.getFlag().equals(DataQuality.STALE)
                ? flag.toBuilder().setDetail(DataQuality.STALE_WITHOUT_DATE).build() : flag;
    }

    static ProfileHistory without(ProfileHistory history, Set<String> fields) {
        if (fields.isEmpty()) {
            return history;
        }
        ProfileHistory.Builder builder = history.toBuilder().clearEntries();
        boolean withoutActivity = fields.contains(ReadPolicy.ACTIVITY);
        for (ProfileHistoryEntry entry : history.getEntriesList()) {
            if (withoutActivity && entry.getEventType().equals(ACTIVITY_RECORDED)) {
                continue;
            }
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
