package dev.cdm.kernel.projection;

/**
 * Where one projection stands; {@code position} is the global index of its last processed event, -1 if none;
 * {@code failing} when it is retrying an event its handlers could not apply; {@code replayable} false for a
 * processor that acts on events rather than projecting them (its handlers disallow replay); {@code rebuild} how far a
 * rebuild beside it is, null when none runs.
 */
public record ProjectionStatusView(String name, String service, boolean running, boolean replaying,
                                   boolean caughtUp, long position, boolean failing, boolean replayable,
                                   RebuildProgress rebuild) {
}
