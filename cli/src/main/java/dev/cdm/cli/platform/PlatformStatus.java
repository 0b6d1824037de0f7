package dev.cdm.cli.platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is up right now, checked against the live processes and their health endpoints. {@code running} means
 * some recorded process is alive; {@code ready} means every process is alive and ready. Absent parts are null;
 * {@code tlsCertificate} is the PEM the services' TLS certificate is, null when they serve plaintext.
 */
public record PlatformStatus(boolean running, boolean ready, String dataDir, Instant startedAt,
                             EventStore eventStore, MongoDb mongodb, ProcessStatus stores,
                             Map<String, ServiceStatus> services, KeycloakStatus keycloak, String tlsCertificate) {

    public record EventStore(String jdbcUrl, String user, int port) {
    }

    public record MongoDb(String uri, int port) {
    }

    public record ProcessStatus(long pid, boolean alive, boolean ready, String log) {
    }

    public record KeycloakStatus(long pid, int port, String issuer, boolean alive, boolean ready, String log) {
    }

    public record ServiceStatus(long pid, int port, String grpcAddress, String httpUrl, boolean alive,
                                boolean ready, String log) {
    }

    static PlatformStatus notRunning(Path dataDir) {
        return new PlatformStatus(false, false, dataDir.toString(), null, null, null, null, Map.of(), null, null);
    }

    static PlatformStatus inspect(PlatformState state) {
        StoresProcess stores = state.stores();
        boolean storesAlive = ProcessControl.find(stores.pid(), stores.startedAt()).isPresent();
        boolean storesReady = storesAlive && Readiness.acceptsConnections(stores.postgresPort())
                && Readiness.acceptsConnections(stores.mongoPort());
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        boolean anyAlive = storesAlive;
        boolean allReady = storesReady && state.services().size() == PlatformService.values().length;
        HealthProbe health = HealthProbe.of(state);
        for (ServiceProcess service : state.services()) {
            boolean alive = ProcessControl.find(service.pid(), service.startedAt()).isPresent();
            boolean ready = alive && health.ready(service.port());
            services.put(service.name(), new ServiceStatus(service.pid(), service.port(), service.grpcAddress(),
                    health.scheme() + "://" + service.grpcAddress(), alive, ready, service.log()));
            anyAlive |= alive;
            allReady &= ready;
        }
        KeycloakProcess keycloak = state.keycloak();
        KeycloakStatus keycloakStatus = null;
        if (keycloak != null) {
            boolean alive = ProcessControl.find(keycloak.pid(), keycloak.startedAt()).isPresent();
            boolean ready = alive && keycloak.issuer() != null && Readiness.acceptsConnections(keycloak.port());
            keycloakStatus = new KeycloakStatus(keycloak.pid(), keycloak.port(), keycloak.issuer(), alive, ready,
                    keycloak.log());
            anyAlive |= alive;
            allReady &= ready;
        } else {
            allReady = false;
        }
        return new PlatformStatus(anyAlive, allReady, state.dataDir(), state.startedAt(),
                new EventStore(stores.jdbcUrl(), stores.user(), stores.postgresPort()),
                new MongoDb(stores.mongoUri(), stores.mongoPort()),
                new ProcessStatus(stores.pid(), storesAlive, storesReady, stores.log()),
                Collections.unmodifiableMap(services), keycloakStatus, state.tlsCertificate());
    }
}
