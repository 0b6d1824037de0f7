package dev.cdm.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Every port the local platform listens on, all on 127.0.0.1. */
public record PlatformPorts(int postgres, int mongo, int ingestion, int profile, int consent, int analytics,
                            int keycloak) {

    public static final int DEFAULT_KEYCLOAK_PORT = 8180;

    public static PlatformPorts defaults() {
        return new PlatformPorts(15432, 27027, PlatformService.INGESTION.defaultPort(),
                PlatformService.PROFILE.defaultPort(), PlatformService.CONSENT.defaultPort(),
                PlatformService.ANALYTICS.defaultPort(), DEFAULT_KEYCLOAK_PORT);
    }

    /** Seven currently free ports, so that a test platform can run next to a developer's default one. */
    public static PlatformPorts free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new PlatformPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        } finally {
            sockets.forEach(PlatformPorts::closeQuietly);
        }
    }

    /** The ports a recorded platform was started with. */
    static PlatformPorts recordedIn(PlatformState state) {
        PlatformPorts ports = defaults().withStores(state.stores().postgresPort(), state.stores().mongoPort());
        if (state.keycloak() != null) {
            ports = ports.withKeycloak(state.keycloak().port());
        }
        for (ServiceProcess service : state.services()) {
            ports = ports.with(PlatformService.require(service.name()), service.port());
        }
        return ports;
    }

    public int of(PlatformService service) {
        return switch (service) {
            case INGESTION -> ingestion;
            case PROFILE -> profile;
            case CONSENT -> consent;
            case ANALYTICS -> analytics;
        };
    }

    public PlatformPorts withStores(int postgresPort, int mongoPort) {
        return new PlatformPorts(postgresPort, mongoPort, ingestion, profile, consent, analytics, keycloak);
    }

    public PlatformPorts withKeycloak(int port) {
        return new PlatformPorts(postgres, mongo, ingestion, profile, consent, analytics, port);
    }

    public PlatformPorts with(PlatformService service, int port) {
        return new PlatformPorts(postgres, mongo,
                service == PlatformService.INGESTION ? port : ingestion,
                service == PlatformService.PROFILE ? port : profile,
                service == PlatformService.CONSENT ? port : consent,
                service == PlatformService.ANALYTICS ? port : analytics, keycloak);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // only probing for a free port
        }
    }
}
