package dev.cdm.kernel.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void similarity_matchesPublishedValues_forClassicPairs() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.9611, within(0.0001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within(0.0001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.8133, within(0.0001));
    }

    @Test
    void similarity_isOneOrZero_forEqualOrEmptyStrings() {
        assertThat(JaroWinkler.similarity("anna", "anna")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("anna", "")).isZero();
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
    }

    @Test
    void distance_countsTranspositionAsOneEdit_whenAdjacentCharactersSwap() {
        assertThat(EditDistance.between("19800112", "19800121")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    }
}
