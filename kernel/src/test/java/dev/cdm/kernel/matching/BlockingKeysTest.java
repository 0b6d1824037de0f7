package dev.cdm.kernel.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    @Test
    void of_yieldsPrefixedKeys_forEachKnownField() {
        MatchRecord r = new MatchRecord("Anna", "Volkova", "1980-03-04", List.of("12 Baker Street"), "2000",
                "Sydney", "nsw", "au", "a.volkova@gmail.com", null, Map.of("soc_sec_id", "123"));
        assertThat(BlockingKeys.of(r)).contains("sn:FLKF:1980", "pc:2000:a", "dob:1980-03-04:a",
                "id:soc_sec_id:123", "email:avolkova@gmail.com", "ad:2000:12bakerstreet");
    }

    @Test
    void of_sharesNameKey_whenGivenNameAndSurnameSwapped() {
        MatchRecord a = new MatchRecord("Anna", "Volkova", null, null, null, null, null, null, null, null, null);
        MatchRecord b = new MatchRecord("Volkova", "Anna", null, null, null, null, null, null, null, null, null);
        assertThat(BlockingKeys.of(a)).isNotEmpty().isEqualTo(BlockingKeys.of(b));
    }

    @Test
    void of_sharesSurnameKey_acrossScripts() {
        MatchRecord a = new MatchRecord("Ivan", "Волков", "1980-03-04", null, null, null, null, null, null, null,
                null);
        MatchRecord b = new MatchRecord("Ivan", "Volkov", "19800304", null, null, null, null, null, null, null,
                null);
        assertThat(BlockingKeys.of(a)).isEqualTo(BlockingKeys.of(b));
    }

    @Test
    void of_isEmpty_forEmptyRecord() {
        assertThat(BlockingKeys.of(new MatchRecord(null, null, null, null, null, null, null, null, null, null,
                null))).isEmpty();
    }

    @Test
    void fieldWeight_rejects_probabilitiesOutOfRange() {
        assertThatThrownBy(() -> new FieldWeight(0.9, 0, 0.05, 0.01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weights_areLogLikelihoodRatios() {
        FieldWeight w = new FieldWeight(0.8, 0.1, 0.1, 0.1);
        assertThat(w.weight(Outcome.AGREE)).isEqualTo(3.0);
        assertThat(w.weight(Outcome.MISSING)).isZero();
        assertThat(w.weight(Outcome.DISAGREE)).isLessThan(0);
    }
}
