package dev.cdm.kernel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedRecordTest {

    private static final MatchRecord IVAN = new MatchRecord("Иван", "Волков", "07.03.1985",
            List.of("ул. Ленина 5"), "123456", "Москва", null, "RU", " Ivan.Volkov587@Mail.RU ", "8 943 776-70-77",
            Map.of("loyalty", " L-1 ", "blank", " "));

    @Test
    void prepare_computesEveryComparisonKeyOnce() {
        PreparedRecord prepared = PreparedRecord.of(IVAN);

        assertThat(prepared.given.key()).isEqualTo("ivan");
        assertThat(prepared.surname.key()).isEqualTo("volkov");
        assertThat(prepared.surname.phonetic()).isNotEmpty();
        assertThat(prepared.birthDate).isEqualTo(LocalDate.of(1985, 3, 7));
        assertThat(prepared.phone).isEqualTo("79437767077");
        assertThat(prepared.email).isEqualTo("ivanvolkov587mailru");
        assertThat(prepared.externalIds).containsExactly(Map.entry("loyalty", "L-1"));
        assertThat(prepared.addressTokens).contains("lenina", "5");
    }

    @Test
    void prepare_leavesMissingAndInvalidValuesEmpty() {
        PreparedRecord prepared = PreparedRecord.of(new MatchRecord(null, " ", "30.02.1985", null, null, null, null,
                null, null, "not a phone", null));

        assertThat(prepared.given.isMissing()).isTrue();
        assertThat(prepared.surname.isMissing()).isTrue();
        assertThat(prepared.birthDate).isNull();
        assertThat(prepared.phone).isEmpty();
        assertThat(prepared.addressTokens).isEmpty();
    }

    @Test
    void preparedRecords_areEqualByTheirSource_andScoreAsTheirSources() {
        RecordMatcher matcher = new RecordMatcher(MatchWeights.defaults());
        MatchRecord latin = new MatchRecord("Ivan", "Volkov", "1985-03-07", List.of(), null, null, null, "RU",
                null, "+7 (943) 776 7077", Map.of());

        assertThat(PreparedRecord.of(IVAN)).isEqualTo(PreparedRecord.of(IVAN))
                .hasSameHashCodeAs(PreparedRecord.of(IVAN));
        assertThat(matcher.score(PreparedRecord.of(IVAN), PreparedRecord.of(latin)))
                .isEqualTo(matcher.score(IVAN, latin));
        assertThat(matcher.score(IVAN, latin).decision()).isEqualTo(Decision.MATCH);
    }

    @Test
    void digits_padDatesToEightPlaces() {
        assertThat(PreparedRecord.digits(LocalDate.of(1985, 3, 7))).isEqualTo("19850307");
        assertThat(PreparedRecord.digits(LocalDate.of(987, 12, 1))).isEqualTo("09871201");
    }
}
