package dev.cdm.ingestion.grpc;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Replaces the kernel's system clock in tests, so that the time a record is received is known. */
class FixedClock {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
