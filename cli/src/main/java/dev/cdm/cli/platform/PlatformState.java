package dev.cdm.cli.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code up} started: the content of {@code <data>/run/platform.json}. {@code keycloak} is null in a state
 * written before the platform ran its own Keycloak. {@code tlsCertificate} is the PEM of the
 * {@link LocalCertificate} the services serve TLS with ({@code cdm up --tls}), null when they serve plaintext.
 */
public record PlatformState(String dataDir, Instant startedAt, StoresProcess stores, List<ServiceProcess> services,
                            KeycloakProcess keycloak, String tlsCertificate) {

    public PlatformState {
        Objects.requireNonNull(stores, "stores");
        services = List.copyOf(services);
    }

    public PlatformState(String dataDir, Instant startedAt, StoresProcess stores, List<ServiceProcess> services,
                         KeycloakProcess keycloak) {
        this(dataDir, startedAt, stores, services, keycloak, null);
    }

    public PlatformState(String dataDir, Instant startedAt, StoresProcess stores, List<ServiceProcess> services) {
        this(dataDir, startedAt, stores, services, null);
    }

    /** Whether the services serve TLS (with {@link #tlsCertificate}) rather than plaintext. */
    public boolean tls() {
        return tlsCertificate != null;
    }

    /** This state with {@code keycloak} ready. */
    public PlatformState withKeycloak(KeycloakProcess keycloak) {
        return new PlatformState(dataDir, startedAt, stores, services, keycloak, tlsCertificate);
    }

    public Optional<ServiceProcess> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<ServiceProcess> service(PlatformService service) {
        return service(service.serviceName());
    }

    /** This state with {@code process} added, or replacing the entry of the same name. */
    public PlatformState withService(ServiceProcess process) {
        List<ServiceProcess> updated = new ArrayList<>();
        for (ServiceProcess existing : services) {
            if (!existing.name().equals(process.name())) {
                updated.add(existing);
            }
        }
        updated.add(process);
        updated.sort((a, b) -> order(a).compareTo(order(b)));
        return new PlatformState(dataDir, startedAt, stores, updated, keycloak, tlsCertificate);
    }

    private static PlatformService order(ServiceProcess process) {
        return PlatformService.require(process.name());
    }
}
