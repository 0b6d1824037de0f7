package dev.cdm.kernel.matching;

/** The verdict on a pair: above the match threshold, between the thresholds, or below (or vetoed). */
public enum Decision {
    MATCH, REVIEW, NON_MATCH
}
