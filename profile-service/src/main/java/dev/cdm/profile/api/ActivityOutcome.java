package dev.cdm.profile.api;

/** What recording an activity did. */
public enum ActivityOutcome {
    RECORDED,
    /** The profile holds an activity of the same kind, source and id already: nothing changed. */
    DUPLICATE,
    /** No profile holds the customer's identifier yet: kept until one does. */
    PENDING
}
