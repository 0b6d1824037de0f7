package dev.cdm.profile.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.profile.quality.DataQuality;
import dev.cdm.proto.v1.DataQualityFlag;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileActivity;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileTraits;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WithholdingTest {

    private static final Profile ADA = Profile.newBuilder().setProfileId("p-1")
            .setPerson(PersonFields.newBuilder().setFirstName("Ada").setEmail("ada@example.org"))
            .setActivity(ProfileActivity.newBuilder().setTraits(ProfileTraits.newBuilder().setOrderCount(3)))
            .addQualityFlags(DataQualityFlag.newBuilder().setFlag(DataQuality.STALE)
                    .setDetail("not updated since 2025-03-14"))
            .addQualityFlags(DataQualityFlag.newBuilder().setFlag(DataQuality.MISSING_CONTACT).addFields("phone")
                    .setDetail("no phone"))
            .build();

    @Test
    void withoutTheActivity_noTraitsOrActivitiesRemain_andStalenessGivesNoDate() {
        Profile withheld = Withholding.without(ADA, Set.of("activity"));

        assertThat(withheld.hasActivity()).isFalse();
        assertThat(withheld.getPerson()).isEqualTo(ADA.getPerson());
        assertThat(withheld.getQualityFlagsList()).extracting(DataQualityFlag::getFlag, DataQualityFlag::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DataQuality.STALE,
                                DataQuality.STALE_WITHOUT_DATE),
                        org.assertj.core.groups.Tuple.tuple(DataQuality.MISSING_CONTACT, "no phone"));
        assertThat(withheld.toString()).doesNotContain("2025-03-14");
    }

    @Test
    void withoutAPersonField_theActivityStays() {
        Profile withheld = Withholding.without(ADA, Set.of("email"));

        assertThat(withheld.getActivity()).isEqualTo(ADA.getActivity());
        assertThat(withheld.getQualityFlagsList()).isEqualTo(ADA.getQualityFlagsList());
        assertThat(withheld.getPerson().getEmail()).isEmpty();
    }

    @Test
    void theHistoryWithoutTheActivity_losesTheEntriesOfRecordedActivities_only() {
        ProfileHistory history = ProfileHistory.newBuilder().setProfileId("p-1")
                .addEntries(ProfileHistoryEntry.newBuilder().setSequenceNumber(0)
                        .setEventType("cdm.profile.ProfileCreated"))
                .addEntries(ProfileHistoryEntry.newBuilder().setSequenceNumber(1)
                        .setEventType("cdm.profile.ActivityRecorded").setSummary("purchase from shop recorded"))
                .build();

        assertThat(Withholding.without(history, Set.of("activity")).getEntriesList())
                .extracting(ProfileHistoryEntry::getSequenceNumber).containsExactly(0L);
        assertThat(Withholding.without(history, Set.of("email")).getEntriesList()).hasSize(2);
    }
}
