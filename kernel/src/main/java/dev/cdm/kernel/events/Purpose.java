package dev.cdm.kernel.events;

/** Why personal data is processed; consent is given or refused per purpose. */
public enum Purpose {
    MARKETING_EMAIL,
    MARKETING_SMS,
    ANALYTICS,
    PERSONALIZATION,
    PROFILING,
    THIRD_PARTY_SHARING
}
