package dev.cdm.bench.febrl;

/**
 * The measured result of one dataset with or without {@code soc_sec_id}: the kernel matcher's candidate and matched
 * pairs, scores and time, and Duke's result on the same records (null when run without Duke).
 */
record FebrlRun(String dataset, boolean withSsn, int records, long candidatePairs, long allPairs, long matchedPairs,
                PairMetrics metrics, long nanos, DukeResult duke) {
}
