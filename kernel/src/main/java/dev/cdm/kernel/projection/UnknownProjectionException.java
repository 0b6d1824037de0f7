package dev.cdm.kernel.projection;

public final class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String name) {
        super("No projection named '" + name + "' in this service");
    }
}
