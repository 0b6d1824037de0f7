package dev.cdm.bench.febrl;

/**
 * Duke's result on one dataset: the pairs it matched, the comparisons it made, the pairwise scores of the clusters
 * those pairs form, and the wall time from its records to those clusters.
 */
record DukeResult(long matchedPairs, long comparisons, PairMetrics metrics, long nanos) {
}
