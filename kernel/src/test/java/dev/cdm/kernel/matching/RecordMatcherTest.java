package dev.cdm.kernel.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMatcherTest {

    private final RecordMatcher matcher = new RecordMatcher(MatchWeights.defaults());

    private static MatchRecord person(String given, String surname, String birthDate) {
        return new MatchRecord(given, surname, birthDate, List.of("12 Baker Street"), "2000", "Sydney", "nsw",
                "au", null, null, Map.of());
    }

    private static MatchRecord withId(MatchRecord r, String ssn) {
        return new MatchRecord(r.givenName(), r.surname(), r.birthDate(), r.addressLines(), r.postcode(),
                r.locality(), r.state(), r.country(), r.email(), r.phone(), Map.of("soc_sec_id", ssn));
    }

    @Test
    void score_matches_whenNamesHaveTypos() {
        MatchScore score = matcher.score(person("Jonathan", "Smith", "1980-03-04"),
                person("Jonahtan", "Smyth", "1980-03-04"));
        assertThat(score.decision()).isEqualTo(Decision.MATCH);
    }

    @Test
    void score_matches_whenGivenNameAndSurnameSwapped() {
        MatchScore score = matcher.score(person("Anna", "Karenina", "1980-03-04"),
                person("Karenina", "Anna", "1980-03-04"));
        assertThat(score.decision()).isEqualTo(Decision.MATCH);
        assertThat(score.evidenceFor(Field.SURNAME).orElseThrow().outcome()).isEqualTo(Outcome.AGREE);
    }

    @Test
    void score_matches_forNicknameAndOtherScript() {
        MatchScore score = matcher.score(person("Алексей", "Волков", "1980-03-04"),
                person("Alex", "Volkov", "1980-03-04"));
        assertThat(score.decision()).isEqualTo(Decision.MATCH);
        assertThat(score.vetoReason()).isEmpty();
    }

    @Test
    void score_matches_whenDayAndMonthSwapped() {
        assertThat(matcher.score(person("Anna", "Volkova", "1980-03-04"), person("Anna", "Volkova", "1980-04-03"))
                .decision()).isEqualTo(Decision.MATCH);
    }

    @Test
    void score_isNonMatch_forTwinsWithDifferentGivenNames() {
        MatchScore score = matcher.score(person("Anna", "Volkova", "1990-05-06"),
                person("Maria", "Volkova", "1990-05-06"));
        assertThat(score.decision()).isEqualTo(Decision.NON_MATCH);
        assertThat(score.veto()).isEqualTo(RecordMatcher.VETO_GIVEN_NAME);
    }

    @Test
    void score_isNonMatch_forSpousesAtOneAddress() {
        MatchScore score = matcher.score(person("Peter", "Brown", null), person("Susan", "Brown", null));
        assertThat(score.decision()).isEqualTo(Decision.NON_MATCH);
    }

    @Test
    void score_isNonMatch_forNamesakesWithDifferentBirthDates() {
        MatchScore score = matcher.score(person("John", "Smith", "1950-01-20"),
                person("John", "Smith", "1987-09-02"));
        assertThat(score.decision()).isEqualTo(Decision.NON_MATCH);
        assertThat(score.veto()).isEqualTo(RecordMatcher.VETO_BIRTH_DATE);
    }

    @Test
    void score_isNonMatch_forDifferentExternalIds() {
        MatchScore score = matcher.score(withId(person("John", "Smith", "1950-01-20"), "1234567"),
                withId(person("John", "Smith", "1950-01-20"), "7654321"));
        assertThat(score.veto()).isEqualTo(RecordMatcher.VETO_EXTERNAL_ID);
    }

    @Test
    void score_toleratesOneTypedIdDigit_butDoesNotCountIt() {
        MatchScore score = matcher.score(withId(person("John", "Smith", "1950-01-20"), "1234567"),
                withId(person("John", "Smith", "1950-01-20"), "1234568"));
        assertThat(score.decision()).isEqualTo(Decision.MATCH);
        assertThat(score.evidenceFor(Field.EXTERNAL_ID).orElseThrow().weight()).isNegative();
    }

    @Test
    void score_reviewsOrRejects_whenOnlyNamesKnown() {
        MatchRecord bare = new MatchRecord("John", "Smith", null, null, null, null, null, null, null, null, null);
        MatchScore score = matcher.score(bare, bare);
        assertThat(score.decision()).isNotEqualTo(Decision.MATCH);
        assertThat(score.evidenceFor(Field.BIRTH_DATE).orElseThrow().outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void score_explainsItself_withOneEvidencePerFieldSummingToTotal() {
        MatchScore score = matcher.score(person("Anna", "Volkova", "1980-03-04"), person("Anna", "Volkova", null));
        assertThat(score.evidence()).extracting(Evidence::field).containsExactly(Field.values());
        assertThat(score.evidence().stream().mapToDouble(Evidence::weight).sum()).isEqualTo(score.total());
        assertThat(score.evidenceFor(Field.GIVEN_NAME).orElseThrow().weight()).isPositive();
        assertThat(score.evidenceFor(Field.BIRTH_DATE).orElseThrow().weight()).isZero();
    }
}
