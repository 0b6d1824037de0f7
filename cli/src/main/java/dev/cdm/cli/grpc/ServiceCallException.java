package dev.cdm.cli.grpc;

import dev.cdm.cli.platform.PlatformService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** A failed gRPC call, with the service and the address it was sent to, for messages that say where. */
public final class ServiceCallException extends RuntimeException {

    private final PlatformService service;
    private final String address;

    public ServiceCallException(PlatformService service, String address, StatusRuntimeException cause) {
        super(service + " at " + address + ": " + cause.getStatus(), cause);
        this.service = service;
        this.address = address;
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
