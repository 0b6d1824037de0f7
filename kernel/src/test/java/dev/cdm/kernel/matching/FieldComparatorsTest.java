package dev.cdm.kernel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldComparatorsTest {

    @Test
    void name_agrees_forNicknamesAndScripts() {
        assertThat(FieldComparators.name("Alex", "Aleksei")).isEqualTo(Outcome.AGREE);
        assertThat(FieldComparators.name("Волков", "Volkov")).isEqualTo(Outcome.AGREE);
    }

    @Test
    void name_isPartial_forTypoOrSameSound() {
        assertThat(FieldComparators.name("Jonathan", "Jonahtan")).isEqualTo(Outcome.PARTIAL);
        assertThat(FieldComparators.name("Meyer", "Mayr")).isEqualTo(Outcome.PARTIAL);
    }

    @Test
    void name_isMissing_whenEitherSideBlank() {
        assertThat(FieldComparators.name(null, "Anna")).isEqualTo(Outcome.MISSING);
        assertThat(FieldComparators.name(" ", "Anna")).isEqualTo(Outcome.MISSING);
    }

    @Test
    void birthDate_isPartial_forDayMonthSwapOrOneDigit() {
        assertThat(FieldComparators.birthDate("1980-03-04", "1980-04-03")).isEqualTo(Outcome.PARTIAL);
        assertThat(FieldComparators.birthDate("19800304", "19800314")).isEqualTo(Outcome.PARTIAL);
        assertThat(FieldComparators.birthDate("1980-03-04", "04.03.1980")).isEqualTo(Outcome.AGREE);
    }

    @Test
    void birthDate_conflicts_whenClearlyDifferent() {
        assertThat(FieldComparators.birthDate("1980-03-04", "1975-11-20")).isEqualTo(Outcome.DISAGREE);
        assertThat(FieldComparators.birthDatesConflict("1980-03-04", "1975-11-20", 2)).isTrue();
        assertThat(FieldComparators.birthDatesConflict("1980-03-04", "1980-04-03", 2)).isFalse();
    }

    @Test
    void birthDate_isMissing_whenUnparseable() {
        assertThat(FieldComparators.birthDate("03/04/80", "1980-03-04")).isEqualTo(Outcome.MISSING);
    }

    @Test
    void address_comparesTokenSets_toleratingTyposAndOrder() {
        assertThat(FieldComparators.address(List.of("12 Baker Street"), List.of("Street Baker 12")))
                .isEqualTo(Outcome.AGREE);
        assertThat(FieldComparators.address(List.of("12 Baker Street", "Flat 3"), List.of("12 Bakre Street")))
                .isEqualTo(Outcome.PARTIAL);
        assertThat(FieldComparators.address(List.of("7 Elm Road"), List.of("12 Baker Street")))
                .isEqualTo(Outcome.DISAGREE);
    }

    @Test
    void email_agrees_forSameGmailMailbox() {
        assertThat(FieldComparators.email("A.Volkov+shop@gmail.com", "avolkov@googlemail.com"))
                .isEqualTo(Outcome.AGREE);
    }

    @Test
    void phone_agrees_forSameNumberInNationalAndInternationalForm() {
        assertThat(FieldComparators.phone("030 1234567", "+49 30 1234567", "de", null)).isEqualTo(Outcome.AGREE);
    }

    @Test
    void externalIds_comparesOnlySharedTypes() {
        assertThat(FieldComparators.externalIds(Map.of("ssn", "1"), Map.of("ssn", "1"))).isEqualTo(Outcome.AGREE);
        assertThat(FieldComparators.externalIds(Map.of("ssn", "1"), Map.of("ssn", "2"))).isEqualTo(Outcome.DISAGREE);
        assertThat(FieldComparators.externalIds(Map.of("ssn", "1"), Map.of("tax", "1"))).isEqualTo(Outcome.MISSING);
    }
}
