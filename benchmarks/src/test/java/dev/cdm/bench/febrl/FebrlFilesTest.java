package dev.cdm.bench.febrl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FebrlFilesTest {

    private static final String LINE = "rec-122-dup-3, lachlan, berry, 69, giblin street, killarney, bittern, 4814,"
            + " qld, 19990219, 7364009";

    @Test
    void parse_mapsColumns_withSsnAsExternalId() {
        FebrlRecord r = FebrlFiles.parse(LINE, 1, true);
        assertThat(r.person()).isEqualTo(122);
        assertThat(r.side()).isEqualTo(1);
        assertThat(r.fields().givenName()).isEqualTo("lachlan");
        assertThat(r.fields().addressLines()).containsExactly("69 giblin street", "killarney");
        assertThat(r.fields().locality()).isEqualTo("bittern");
        assertThat(r.fields().postcode()).isEqualTo("4814");
        assertThat(r.fields().birthDate()).isEqualTo("19990219");
        assertThat(r.fields().externalIds()).isEqualTo(Map.of("soc_sec_id", "7364009"));
    }

    @Test
    void parse_dropsSsn_whenRunWithout() {
        assertThat(FebrlFiles.parse(LINE, 0, false).fields().externalIds()).isEmpty();
    }

    @Test
    void candidatePairs_skipSameSide_whenCrossOnly() {
        List<FebrlRecord> records = List.of(FebrlFiles.parse(LINE, 0, true), FebrlFiles.parse(LINE, 0, true),
                FebrlFiles.parse(LINE, 1, true));
        assertThat(CandidatePairs.of(records, false, 10)).hasSize(3);
        assertThat(CandidatePairs.of(records, true, 10)).containsExactlyInAnyOrder(2L, (1L << 32) | 2);
    }
}
