package dev.cdm.profile.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataQualityTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final DataQuality quality = new DataQuality(Duration.ofDays(365), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCompleteFreshProfile_hasNoFlags() {
        PersonData anna = new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE");

        assertThat(quality.of(view(NOW.minus(Duration.ofDays(10)), anna), anna, null)).isEmpty();
    }

    @Test
    void missingKeyFields_invalidValuesAndAge_areEachFlagged_namingFieldsNotValues() {
        PersonData sent = new PersonData(null, "Schmidt", null, null, null, null, "DE", null, null, null, null,
                Map.of("birth_date", "31.02.1984", "email", "anna@"),
                Map.of("birth_date", "not a date", "email", "is not an email address"));
        PersonData golden = new PersonData(null, "Schmidt", null, null, null, null, "DE");

        List<DataQuality.Flag> flags = quality.of(view(Instant.parse("2025-11-02T08:00:00Z"), sent), golden, null);

        assertThat(flags).extracting(DataQuality.Flag::flag).containsExactly(DataQuality.MISSING_NAME,
                DataQuality.MISSING_CONTACT, DataQuality.INVALID_VALUES, DataQuality.STALE);
        assertThat(flags.get(0).fields()).containsExactly("first_name");
        assertThat(flags.get(2).fields()).containsExactly("birth_date", "email");
        assertThat(flags.get(3).detail()).isEqualTo("not updated since 2025-11-02");
        assertThat(flags.toString()).doesNotContain("31.02.1984", "anna@");
    }

    @Test
    void aRecentActivity_keepsAnOldProfileFresh() {
        PersonData anna = new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE");

        assertThat(quality.of(view(NOW.minus(Duration.ofDays(700)), anna), anna, NOW.minus(Duration.ofDays(3))))
                .isEmpty();
    }

    @Test
    void theThreshold_mustBePositive() {
        assertThatThrownBy(() -> new DataQuality(Duration.ZERO, Clock.systemUTC()))
                .hasMessageContaining("cdm.quality.stale-after");
    }

    private static ProfileView view(Instant updatedAt, PersonData person) {
        LinkedRecordView record = new LinkedRecordView(new SourceRecordKey("crm", "c-1"), person, updatedAt, null);
        return new ProfileView("p-1", List.of(record), updatedAt, updatedAt, 1, null, List.of(), List.of());
    }
}
