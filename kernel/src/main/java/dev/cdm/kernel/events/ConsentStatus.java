package dev.cdm.kernel.events;

public enum ConsentStatus {
    GRANTED,
    DENIED,
    WITHDRAWN
}
