package dev.cdm.kernel.events;

import java.util.List;

/**
 * Why a source record belongs to its profile: the rule that put it there, the record it was matched against, the
 * summed Fellegi-Sunter weight and each field's evidence. No personal data: fields are named, never quoted.
 *
 * @param rule          one of the {@code RULE_*} constants
 * @param matchedRecord the record the decision compared against; null for founding
 * @param fromProfileId for merge, the profile the record came from; for split, the profile it left
 * @param note          a person's reason (for split); null for automatic decisions
 */
public record LinkDecision(String rule, SourceRecordKey matchedRecord, double score, List<FieldEvidence> evidence,
                           String fromProfileId, String note) {

    public static final String RULE_FOUNDING = "founding";
    public static final String RULE_DETERMINISTIC = "deterministic";
    public static final String RULE_PROBABILISTIC = "probabilistic";
    public static final String RULE_MERGE = "merge";
    public static final String RULE_SPLIT = "split";
    /** A person corrected the profile (GDPR Art. 16); {@code note} is the data-subject request's id. */
    public static final String RULE_RECTIFICATION = "rectification";

    public LinkDecision {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static LinkDecision founding() {
        return new LinkDecision(RULE_FOUNDING, null, 0, List.of(), null, null);
    }

    /** One compared field: its name (proto style, e.g. {@code birth_date}), outcome and weight. */
    public record FieldEvidence(String field, String outcome, double weight) {
    }
}
