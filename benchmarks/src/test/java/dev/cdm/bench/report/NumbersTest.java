package dev.cdm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void parseCount_acceptsSuffixesAndSeparators() {
        assertThat(Numbers.parseCount("100000")).isEqualTo(100_000);
        assertThat(Numbers.parseCount("100k")).isEqualTo(100_000);
        assertThat(Numbers.parseCount("1M")).isEqualTo(1_000_000);
        assertThat(Numbers.parseCount("1_000_000")).isEqualTo(1_000_000);
        assertThat(Numbers.parseCount(" 2,500 ")).isEqualTo(2_500);
    }

    @Test
    void parseCount_fails_forNegativeOrMalformed() {
        assertThatThrownBy(() -> Numbers.parseCount("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Numbers.parseCount("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Numbers.parseCount("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perSecond_isCountOverSeconds() {
        assertThat(Numbers.perSecond(500, 250_000_000L)).isEqualTo(2000.0);
        assertThat(Numbers.perSecond(500, 0)).isZero();
    }

    @Test
    void decimal_keepsOneDecimalOnlyForSmallValues() {
        assertThat(Numbers.decimal(12.34)).isEqualTo("12.3");
        assertThat(Numbers.decimal(23456.7)).isEqualTo("23,457");
    }
}
