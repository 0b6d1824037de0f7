package dev.cdm.bench.febrl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.databases.LuceneDatabase;
import org.junit.jupiter.api.Test;

class DukeLinkerTest {

    // persons 1 and 2 each have a corrupted duplicate; 3 and 4 are namesakes living elsewhere
    private static final String A = "rec-1-org, mitchell, green, 7, wallaby place, delmar, cleveland, 2119, sa,"
            + " 19560409, 1804974";
    private static final String A_DUP = "rec-1-dup-0, mitchell, greem, 7, wallaby place, delmar, cleveland, 2119, sa,"
            + " 19560409, 1804974";
    private static final String B = "rec-2-org, harley, mccarthy, 177, pridham street, milton, marsden, 3165, nsw,"
            + " 19080419, 6089216";
    private static final String B_DUP = "rec-2-dup-0, harly, mccarthy, 177, pridhamstreet, , marsden, 3165, nsw,"
            + " , 6089216";
    private static final String C = "rec-3-org, lachlan, berry, 69, giblin street, killarney, bittern, 4814, qld,"
            + " 19990219, 7364009";
    private static final String D = "rec-4-org, lachlan, berry, 12, kent street, , towradgi, 3107, nsw,"
            + " 19450101, 1232838";

    private static List<FebrlRecord> records(int side, boolean withSsn, String... lines) {
        return Stream.of(lines).map(line -> FebrlFiles.parse(line, side, withSsn)).toList();
    }

    private static long pair(int i, int j) {
        return ((long) i << 32) | j;
    }

    private static long[] match(DukeLinker linker, List<FebrlRecord> records, boolean linkage) {
        return linker.match(linker.configuration(), records, linkage).toArray();
    }

    @Test
    void configuration_loadsFromClasspath_withInMemoryLucene() {
        Configuration config = new DukeLinker().configuration();
        assertThat(config.getThreshold()).isEqualTo(0.95);
        assertThat(config.getIdentityProperties()).extracting(p -> p.getName()).containsExactly(DukeLinker.ID);
        assertThat(config.getLookupProperties()).extracting(p -> p.getName())
                .doesNotContain("STATE", "ADDRESS2").contains("SURNAME", "DATE_OF_BIRTH");
        assertThat(config.getDatabase(true)).isInstanceOfSatisfying(LuceneDatabase.class,
                lucene -> assertThat(lucene.getPath()).isNull()); // no path: a RAMDirectory
        assertThat(new DukeLinker(0.8, true).configuration().getThreshold()).isEqualTo(0.8);
        assertThat(new DukeLinker(null, false).configuration().getDatabase(true)).hasToString(
                "LuceneDatabase, max-search-hits: 25, min-relevance: 0.0, fuzzy=false\n  null");
    }

    @Test
    void record_cleansValues_andLeavesOutBlanksAndSsnWhenRunWithout() {
        Record record = DukeLinker.record(5, FebrlFiles.parse(B_DUP, 0, false).fields());
        assertThat(record.getValue(DukeLinker.ID)).isEqualTo("5");
        assertThat(record.getValue("ADDRESS")).isEqualTo("177 pridhamstreet");
        assertThat(record.getProperties()).doesNotContain("ADDRESS2", "DATE_OF_BIRTH", "SOC_SEC_ID");
        assertThat(DukeLinker.record(0, FebrlFiles.parse(A, 0, true).fields()).getValue("SOC_SEC_ID"))
                .isEqualTo("1804974");
    }

    @Test
    void deduplicate_findsTheCorruptedDuplicates_notTheNamesakes() {
        for (boolean withSsn : List.of(true, false)) {
            for (boolean fuzzy : List.of(true, false)) {
                List<FebrlRecord> records = records(0, withSsn, A, B, C, A_DUP, D, B_DUP);
                assertThat(match(new DukeLinker(null, fuzzy), records, false))
                        .as("withSsn=%s fuzzy=%s", withSsn, fuzzy).containsExactly(pair(0, 3), pair(1, 5));
            }
        }
    }

    @Test
    void link_findsCrossPairsOnly_evenForIdenticalRecordsOnOneSide() {
        List<FebrlRecord> records = Stream.concat(records(0, true, A, A, B).stream(),
                records(1, true, B_DUP, C, A_DUP).stream()).toList();
        assertThat(match(new DukeLinker(), records, true))
                .containsExactly(pair(0, 5), pair(1, 5), pair(2, 3));
    }

    @Test
    void match_followsTheThreshold_whenOverridden() {
        List<FebrlRecord> records = records(0, true, C, D);
        assertThat(match(new DukeLinker(), records, false)).isEmpty();
        assertThat(match(new DukeLinker(0.5, true), records, false)).containsExactly(pair(0, 1));
    }
}
