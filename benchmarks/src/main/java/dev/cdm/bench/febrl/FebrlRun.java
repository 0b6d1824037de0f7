package dev.cdm.bench.febrl;

/** The measured result of one dataset with or without {@code soc_sec_id}. */
record FebrlRun(String dataset, boolean withSsn, int records, long candidatePairs, long allPairs,
                PairMetrics metrics, long nanos) {
}
