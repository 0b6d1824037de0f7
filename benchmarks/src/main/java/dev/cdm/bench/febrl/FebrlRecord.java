package dev.cdm.bench.febrl;

import dev.cdm.kernel.matching.MatchRecord;

/** One FEBRL row: its person number (the ground truth), which file it came from (0 or 1), and its fields. */
record FebrlRecord(int person, int side, MatchRecord fields) {
}
