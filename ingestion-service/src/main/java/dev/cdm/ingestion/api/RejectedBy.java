package dev.cdm.ingestion.api;

/** Which check refused a record. */
public enum RejectedBy {
    /** Ingestion's own validation, before the record left this service. */
    VALIDATION,
    /** profile-service answered INVALID_ARGUMENT. */
    PROFILE_SERVICE
}
