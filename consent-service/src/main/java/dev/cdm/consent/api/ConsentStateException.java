package dev.cdm.consent.api;

/** The decision is not allowed in the subject's current state (e.g. withdrawing what was never granted). */
public class ConsentStateException extends RuntimeException {

    public ConsentStateException(String message) {
        super(message);
    }
}
