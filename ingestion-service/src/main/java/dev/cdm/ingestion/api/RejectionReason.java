package dev.cdm.ingestion.api;

/** Why a field of a record was refused, e.g. {@code person.email}: "is not an email address". Never holds a value. */
public record RejectionReason(String field, String description) {
}
