package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySummariesTest {

    private static final SourceRecordKey WEB_42 = new SourceRecordKey("web", "42");
    private static final PersonData IVAN = new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567",
            LocalDate.of(1980, 1, 2), "Moscow, Tverskaya 1", "RU");

    @Test
    void changedFields_namesOnlyTheFieldsThatDiffer_inSchemaOrder() {
        PersonData moved = new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79160000000",
                LocalDate.of(1980, 1, 2), "Kazan, Baumana 5", "RU");

        assertThat(HistorySummaries.changedFields(IVAN, moved)).containsExactly("phone", "address");
    }

    @Test
    void changedFields_countsARemovedValueAsAChange() {
        PersonData noBirthDate = new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567", null,
                "Moscow, Tverskaya 1", "RU");

        assertThat(HistorySummaries.changedFields(IVAN, noBirthDate)).containsExactly("birth_date");
    }

    @Test
    void changedFields_isEverySetField_whenNothingWasKnownBefore() {
        PersonData nameOnly = new PersonData("Ivan", null, null, null, null, null, null);

        assertThat(HistorySummaries.changedFields(null, nameOnly)).containsExactly("first_name");
    }

    @Test
    void changed_namesTheRecordAndTheFields_butNoValues() {
        String summary = HistorySummaries.changed(WEB_42, List.of("address", "phone"));

        assertThat(summary).isEqualTo("record web/42 changed: address, phone").doesNotContain("Moscow");
    }

    @Test
    void linkedAndCreated_nameTheRecord() {
        assertThat(HistorySummaries.linked(WEB_42, LinkDecision.founding())).isEqualTo("record web/42 linked");
        assertThat(HistorySummaries.created(WEB_42)).isEqualTo("profile created by record web/42");
    }
}
