package dev.cdm.kernel.matching;

/** One field's contribution to a score: its outcome and the log2 likelihood-ratio weight that added. */
public record Evidence(Field field, Outcome outcome, double weight) {
}
