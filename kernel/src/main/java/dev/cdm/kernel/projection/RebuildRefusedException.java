package dev.cdm.kernel.projection;

/**
 * A rebuild that cannot start here: one is running already, the projection declares no rebuild, or another node
 * processes it (the rebuild must hand over to the live processor of the node it runs on).
 */
public final class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message) {
        super(message);
    }
}
