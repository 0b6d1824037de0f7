package dev.cdm.kernel.projection;

import java.time.Duration;

/**
 * How far a running rebuild is: the lowest position its {@code segments} reached, of the head of the event store it
 * set out to reach ({@code target}), after {@code elapsed}.
 */
public record RebuildProgress(int segments, long position, long target, Duration elapsed) {
}
