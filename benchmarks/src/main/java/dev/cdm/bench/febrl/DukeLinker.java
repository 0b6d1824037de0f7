package dev.cdm.bench.febrl;

import dev.cdm.kernel.matching.MatchRecord;
import java.util.ArrayList;
import java.util.List;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.cleaners.DigitsOnlyCleaner;
import no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.datasources.InMemoryDataSource;

/**
 * The Duke record-linkage engine as a baseline: configured by {@link #CONFIG}, it finds the matching pairs among the
 * same {@link FebrlRecord}s the kernel matcher scores. Deduplication compares every record with all others; linkage
 * indexes side 0 and looks up each record of side 1, so only cross pairs are found. One thread, like the kernel run.
 */
final class DukeLinker {

    static final String CONFIG = "duke/febrl.xml";
    static final String ID = "ID";
    private static final int BATCH = 100_000;
    private static final LowerCaseNormalizeCleaner TEXT = new LowerCaseNormalizeCleaner();
    private static final DigitsOnlyCleaner DIGITS = new DigitsOnlyCleaner();

    private final Double threshold;
    private final boolean fuzzy;

    /** Duke as {@link #CONFIG} configures it. */
    DukeLinker() {
        this(null, true);
    }

    /**
     * @param threshold Duke's match threshold, or null for the one in {@link #CONFIG}
     * @param fuzzy     whether Lucene looks candidates up with fuzzy terms (Duke's default) or exact ones
     */
    DukeLinker(Double threshold, boolean fuzzy) {
        this.threshold = threshold;
        this.fuzzy = fuzzy;
    }

    /** The configuration as loaded from {@link #CONFIG}, with a fresh in-memory database. */
    Configuration configuration() {
        try {
            Configuration config = ConfigLoader.load("classpath:" + CONFIG);
            if (threshold != null) {
                config.setThreshold(threshold);
            }
            ((LuceneDatabase) config.getDatabase(true)).setFuzzySearch(fuzzy);
            config.validate();
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the Duke configuration " + CONFIG, e);
        }
    }

    /** Runs Duke with a fresh {@link #configuration()} over the records and returns the pairs it matched. */
    DukePairs match(Configuration config, List<FebrlRecord> records, boolean linkage) {
        Processor processor = new Processor(config, true);
        DukePairs pairs = new DukePairs();
        processor.addMatchListener(pairs);
        try {
            if (linkage) {
                processor.link(List.of(source(records, 0)), List.of(source(records, 1)), true, BATCH);
            } else {
                processor.deduplicate(List.of(source(records, -1)), BATCH);
            }
        } finally {
            processor.close();
        }
        pairs.comparisons(processor.getComparisonCount());
        return pairs;
    }

    /** The records of one side (all of them for -1) as Duke records whose id is their index in {@code records}. */
    private static DataSource source(List<FebrlRecord> records, int side) {
        List<Record> dukeRecords = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (side < 0 || records.get(i).side() == side) {
                dukeRecords.add(record(i, records.get(i).fields()));
            }
        }
        return new InMemoryDataSource(dukeRecords);
    }

    /** The Duke record of one FEBRL row, with Duke's own cleaners; blank values are left out, as Duke expects. */
    static Record record(int index, MatchRecord fields) {
        RecordImpl record = new RecordImpl();
        record.addValue(ID, Integer.toString(index));
        add(record, "GIVEN_NAME", TEXT.clean(nonNull(fields.givenName())));
        add(record, "SURNAME", TEXT.clean(nonNull(fields.surname())));
        List<String> lines = fields.addressLines();
        add(record, "ADDRESS", lines.isEmpty() ? null : TEXT.clean(lines.get(0)));
        add(record, "ADDRESS2", lines.size() < 2 ? null : TEXT.clean(lines.get(1)));
        add(record, "SUBURB", TEXT.clean(nonNull(fields.locality())));
        add(record, "POSTCODE", DIGITS.clean(nonNull(fields.postcode())));
        add(record, "STATE", TEXT.clean(nonNull(fields.state())));
        add(record, "DATE_OF_BIRTH", DIGITS.clean(nonNull(fields.birthDate())));
        add(record, "SOC_SEC_ID", DIGITS.clean(fields.externalIds().getOrDefault("soc_sec_id", "")));
        return record;
    }

    private static void add(RecordImpl record, String property, String value) {
        if (value != null && !value.isBlank()) {
            record.addValue(property, value);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
