package dev.cdm.kernel.projection;

/** A replay was asked of an event processor that acts on events (sends commands, purges) instead of projecting. */
public final class NotReplayableException extends RuntimeException {

    public NotReplayableException(String name) {
        super("'" + name + "' acts on events rather than projecting them and is never replayed");
    }
}
