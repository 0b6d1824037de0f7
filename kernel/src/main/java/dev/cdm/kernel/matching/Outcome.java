package dev.cdm.kernel.matching;

/** How one field of two records compares; {@code MISSING} when either side has no value (weight 0). */
public enum Outcome {
    AGREE, PARTIAL, DISAGREE, MISSING
}
