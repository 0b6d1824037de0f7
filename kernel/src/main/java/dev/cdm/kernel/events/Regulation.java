package dev.cdm.kernel.events;

/** The law a data-subject request is made under; it sets the request's legal deadline. */
public enum Regulation {
    /** EU General Data Protection Regulation: one month (Art. 12(3)). */
    GDPR,
    /** California Consumer Privacy Act as amended by the CPRA: 45 days. */
    CCPA
}
