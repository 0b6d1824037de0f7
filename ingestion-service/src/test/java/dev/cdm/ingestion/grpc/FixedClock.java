package dev.cdm.ingestion.grpc;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the kernel's system clock in tests, so that the time a record is received is known: it stands at
 * {@link #NOW} unless a test {@link #set moves} it (and {@link #reset resets} it when done).
 */
class FixedClock {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

    private static volatile Instant now = NOW;

    static void set(Instant instant) {
        now = instant;
    }

    static void reset() {
        now = NOW;
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
