package dev.cdm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentile_isNearestRank_forOneToHundred() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertThat(p.percentile(50)).isEqualTo(50);
        assertThat(p.percentile(90)).isEqualTo(90);
        assertThat(p.percentile(99)).isEqualTo(99);
        assertThat(p.percentile(100)).isEqualTo(100);
        assertThat(p.min()).isEqualTo(1);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.mean()).isEqualTo(50.5);
    }

    @Test
    void percentile_roundsRankUp_whenNotExact() {
        Percentiles p = Percentiles.of(new long[] {10, 20, 30});

        assertThat(p.percentile(50)).isEqualTo(20);
        assertThat(p.percentile(1)).isEqualTo(10);
        assertThat(p.percentile(67)).isEqualTo(30);
    }

    @Test
    void percentile_isTheValue_forOneValue() {
        assertThat(Percentiles.of(new long[] {7}).percentile(99)).isEqualTo(7);
    }

    @Test
    void percentile_isZero_forNoValues() {
        Percentiles p = Percentiles.of(new long[0]);

        assertThat(p.percentile(50)).isZero();
        assertThat(p.max()).isZero();
        assertThat(p.count()).isZero();
    }

    @Test
    void percentile_fails_outsideZeroToHundred() {
        Percentiles p = Percentiles.of(new long[] {1});

        assertThatThrownBy(() -> p.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_doesNotReorderTheCallersArray() {
        long[] values = {3, 1, 2};

        Percentiles.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }
}
