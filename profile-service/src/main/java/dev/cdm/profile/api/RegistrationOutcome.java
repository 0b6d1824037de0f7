package dev.cdm.profile.api;

/** What registering a source record did to its profile. */
public enum RegistrationOutcome {
    /** The record founded a new profile. */
    CREATED,
    /** The record was new and joined the existing profile. */
    LINKED,
    /** The record was known and its fields changed. */
    UPDATED,
    /** The record was known with the same fields. */
    UNCHANGED
}
