package dev.cdm.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDatesTest {

    private static final LocalDate MARCH_4_1990 = LocalDate.of(1990, 3, 4);

    @ParameterizedTest
    @ValueSource(strings = {"1990-03-04", "04.03.1990", "04/03/1990", "19900304", "  1990-03-04 "})
    void parse_readsTheDate_inEveryAcceptedFormat(String value) {
        BirthDates.Parsed parsed = BirthDates.parse(value);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.date()).isEqualTo(MARCH_4_1990);
        assertThat(parsed.value()).contains(MARCH_4_1990);
        assertThat(parsed.reason()).isNull();
    }

    @Test
    void parse_readsDayBeforeMonth_inDottedAndSlashedFormats() {
        assertThat(BirthDates.parse("31.12.1985").date()).isEqualTo(LocalDate.of(1985, 12, 31));
        assertThat(BirthDates.parse("25/12/1985").date()).isEqualTo(LocalDate.of(1985, 12, 25));
    }

    @Test
    void parse_acceptsLeapDay_inALeapYear() {
        assertThat(BirthDates.parse("2000-02-29").date()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(BirthDates.parse("29.02.2024").date()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-02-30", "30.02.1990", "30/02/1990", "19900230"})
    void parse_failsStrictly_forFebruary30InEveryFormat(String value) {
        assertNoSuchDay(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-13-01", "01.13.1990", "19901301", "1990-00-10", "1990-04-31", "32.01.1990"})
    void parse_failsStrictly_forImpossibleMonthsAndDays(String value) {
        assertNoSuchDay(value);
    }

    @Test
    void parse_failsStrictly_forFebruary29OutsideLeapYears() {
        assertNoSuchDay("2023-02-29");
        assertNoSuchDay("29.02.1900");
    }

    @Test
    void parse_rejectsUsMonthFirstDates_evenWhenUnambiguous() {
        assertNoSuchDay("12/25/1985");
        assertThat(BirthDates.parse("03/04/1990").date())
                .as("read day-first, never as US 4 March")
                .isEqualTo(LocalDate.of(1990, 4, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "1990", "1990-3-4", "4.3.1990", "90-03-04", "1990/03/04",
        "1990-03-04T10:00", "04-03-1990", "1990030", "199003041", "１９９０-03-04", "March 4, 1990"})
    void parse_failsWithTheAcceptedFormats_forGarbage(String value) {
        BirthDates.Parsed parsed = BirthDates.parse(value);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.value()).isEmpty();
        assertThat(parsed.reason()).isEqualTo(BirthDates.NOT_A_DATE)
                .contains("yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy", "yyyyMMdd");
    }

    @Test
    void parse_failsWithoutException_forNull() {
        assertThat(BirthDates.parse(null).reason()).isEqualTo(BirthDates.NOT_A_DATE);
    }

    @Test
    void reasons_neverContainDigitsOfTheValue() {
        assertThat(BirthDates.parse("1987-02-30").reason()).doesNotContain("1987").doesNotContain("30");
        assertThat(BirthDates.parse("31/31/1987").reason()).doesNotContain("1987");
    }

    private static void assertNoSuchDay(String value) {
        BirthDates.Parsed parsed = BirthDates.parse(value);
        assertThat(parsed.isValid()).as(value).isFalse();
        assertThat(parsed.reason()).as(value).isEqualTo(BirthDates.NO_SUCH_DAY).contains("yyyy-MM-dd");
    }
}
