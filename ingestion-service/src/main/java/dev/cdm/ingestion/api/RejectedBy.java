package dev.cdm.ingestion.api;

/** Which check refused a record. */
public enum RejectedBy {
    /** Ingestion's own validation, before the record left this service. */
    VALIDATION,
    /** profile-service answered INVALID_ARGUMENT. */
    PROFILE_SERVICE,
    /** The record carries an identifier of an erased subject who asked to be suppressed; nothing of it is kept. */
    SUPPRESSION
}
