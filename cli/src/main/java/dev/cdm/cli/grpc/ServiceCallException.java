package dev.cdm.cli.grpc;

import dev.cdm.cli.platform.PlatformService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/** A failed gRPC call, with the service and the address it was sent to, for messages that say where. */
public final class ServiceCallException extends RuntimeException {

    private final PlatformService service;
    private final String address;
    private final String hint;

    public ServiceCallException(PlatformService service, String address, StatusRuntimeException cause) {
        this(service, address, cause, null);
    }

    private ServiceCallException(PlatformService service, String address, StatusRuntimeException cause,
                                 String hint) {
        super(service + " at " + address + ": " + cause.getStatus(), cause);
        this.service = service;
        this.address = address;
        this.hint = hint;
    }

    /** The same failure with a line that says what the command got done and what to do next. */
    public ServiceCallException withHint(String hint) {
        return new ServiceCallException(service, address, statusException(), hint);
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public PlatformService service() {
        return service;
    }

    public String address() {
        return address;
    }

    public Status status() {
        return ((StatusRuntimeException) getCause()).getStatus();
    }

    public StatusRuntimeException statusException() {
        return (StatusRuntimeException) getCause();
    }
}
