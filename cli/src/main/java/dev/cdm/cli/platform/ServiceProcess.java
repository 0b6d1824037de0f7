package dev.cdm.cli.platform;

import java.time.Instant;

/** One running service as recorded in the state file. */
public record ServiceProcess(String name, long pid, Instant startedAt, int port, String log) {

    /** host:port for a gRPC client (HTTP/2 on the HTTP port, TLS when the platform serves it). */
    public String grpcAddress() {
        return "127.0.0.1:" + port;
    }
}
