package dev.cdm.profile.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.golden.GoldenRecord.Attribute;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static final LinkedRecordView CRM = record("crm", "c-1", 0,
            person("Ivan", "ivan@crm.example", "+79437767077", LocalDate.of(1980, 5, 1)));
    private static final LinkedRecordView SHOP = record("shop", "s-1", 1,
            person("Ivan", "ivan@shop.example", null, LocalDate.of(1980, 1, 5)));
    private static final LinkedRecordView WEB = record("web", "w-1", 2,
            person("Vanya", "ivan@web.example", null, LocalDate.of(1980, 1, 5)));

    @Test
    void byDefault_theMostRecentValueWins_andTheOthersStayAsAlternates_newestFirst() {
        GoldenRecord golden = Survivorship.mostRecent().of(List.of(CRM, SHOP, WEB));

        assertThat(golden.person().firstName()).isEqualTo("Vanya");
        assertThat(golden.person().email()).isEqualTo("ivan@web.example");
        assertThat(golden.person().phone()).as("only one record has a phone").isEqualTo("+79437767077");
        assertThat(attribute(golden, "email")).isEqualTo(new Attribute("email", WEB.key(), WEB.receivedAt(),
                "most-recent", List.of(SHOP.key(), CRM.key())));
        assertThat(attribute(golden, "phone").alternates()).isEmpty();
        assertThat(attribute(golden, "first_name").alternates()).as("one record per other value")
                .containsExactly(SHOP.key());
        assertThat(golden.attributes()).extracting(Attribute::field)
                .containsExactly("first_name", "last_name", "email", "phone", "birth_date", "country");
    }

    @Test
    void sourceRanking_prefersTheMostTrustedSource_perField() {
        Survivorship rules = new Survivorship(SurvivorshipRule.MOST_RECENT,
                Map.of("email", SurvivorshipRule.SOURCE_RANKING), List.of("crm", "shop"));

        GoldenRecord golden = rules.of(List.of(CRM, SHOP, WEB));

        assertThat(golden.person().email()).isEqualTo("ivan@crm.example");
        assertThat(attribute(golden, "email").rule()).isEqualTo("source-ranking");
        assertThat(golden.person().firstName()).as("other fields keep the default rule").isEqualTo("Vanya");
        assertThat(new Survivorship(SurvivorshipRule.SOURCE_RANKING, Map.of(), List.of("shop")).of(
                List.of(CRM, WEB)).person().email()).as("unranked sources: the latest of them")
                .isEqualTo("ivan@web.example");
    }

    @Test
    void mostFrequent_takesTheValueMostRecordsHold() {
        Survivorship rules = new Survivorship(SurvivorshipRule.MOST_RECENT,
                Map.of("birth_date", SurvivorshipRule.MOST_FREQUENT, "first_name", SurvivorshipRule.MOST_FREQUENT),
                List.of());

        GoldenRecord golden = rules.of(List.of(CRM, SHOP, WEB));

        assertThat(golden.person().birthDate()).isEqualTo(LocalDate.of(1980, 1, 5));
        assertThat(attribute(golden, "birth_date").source()).as("the latest holder of that value").isEqualTo(WEB.key());
        assertThat(golden.person().firstName()).isEqualTo("Ivan");
        assertThat(attribute(golden, "first_name").source()).isEqualTo(SHOP.key());
    }

    @Test
    void aRectification_supersedesEveryRule_evenWhenASourceSendsLater() {
        LinkedRecordView rectified = record(SourceRecordKey.RECTIFICATION, "req-1", 3,
                person(null, "ivan@verified.example", null, null));
        LinkedRecordView later = record("web", "w-2", 4, person(null, "ivan@later.example", null, null));
        Survivorship rules = new Survivorship(SurvivorshipRule.MOST_FREQUENT, Map.of(), List.of());

        GoldenRecord golden = rules.of(List.of(CRM, SHOP, WEB, rectified, later));

        assertThat(golden.person().email()).isEqualTo("ivan@verified.example");
        assertThat(attribute(golden, "email").rule()).isEqualTo("rectified");
        assertThat(attribute(golden, "email").alternates()).startsWith(later.key());
    }

    @Test
    void externalIds_areAllKept_theLaterRecordWinningPerType() {
        LinkedRecordView loyalty = record("shop", "s-2", 5, new PersonData(null, null, null, null, null, null, null,
                null, null, null, Map.of("loyalty", "L-2", "passport", "P-1"), null, null));
        LinkedRecordView older = record("crm", "c-2", -1, new PersonData(null, null, null, null, null, null, null,
                null, null, null, Map.of("loyalty", "L-1", "crm", "C-9"), null, null));

        assertThat(Survivorship.mostRecent().of(List.of(loyalty, older)).person().externalIds())
                .isEqualTo(Map.of("loyalty", "L-2", "passport", "P-1", "crm", "C-9"));
    }

    @Test
    void aRuleForAFieldTheRecordDoesNotHave_stopsTheService_namingIt() {
        assertThatThrownBy(() -> new Survivorship(SurvivorshipRule.MOST_RECENT,
                Map.of("shoe_size", SurvivorshipRule.MOST_FREQUENT), List.of()))
                .hasMessageContaining("cdm.golden.rules").hasMessageContaining("shoe_size");
    }

    private static Attribute attribute(GoldenRecord golden, String field) {
        return golden.attributes().stream().filter(a -> a.field().equals(field)).findFirst().orElseThrow();
    }

    private static LinkedRecordView record(String source, String id, int hours, PersonData person) {
        return new LinkedRecordView(new SourceRecordKey(source, id), person, T0.plusSeconds(3600L * hours), null);
    }

    private static PersonData person(String firstName, String email, String phone, LocalDate birthDate) {
        return new PersonData(firstName, "Volkov", email, phone, birthDate, null, "RU");
    }
}
