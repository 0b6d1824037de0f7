package dev.cdm.kernel.events;

/** The lawful bases of GDPR Art. 6(1). */
public enum LegalBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    VITAL_INTEREST,
    PUBLIC_TASK,
    LEGITIMATE_INTEREST
}
