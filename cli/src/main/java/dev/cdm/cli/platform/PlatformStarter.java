package dev.cdm.cli.platform;

import dev.cdm.keycloak.EmbeddedKeycloak;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the platform's processes and waits until they are ready; failures name the process and its log. */
final class PlatformStarter {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final PlatformLayout layout;
    private final PlatformSettings settings;
    private final Path dataDir;
    private final ProcessLauncher launcher;

    PlatformStarter(PlatformLayout layout, PlatformSettings settings, Path dataDir) {
        this.layout = layout;
        this.settings = settings;
        this.dataDir = dataDir;
        this.launcher = new ProcessLauncher(dataDir, settings.javaOptions());
    }

    /** Fails unless every jar is built and every port is free. */
    void requireStartable(PlatformPorts ports) {
        List<Path> missing = layout.missingJars();
        if (!missing.isEmpty()) {
            throw new PlatformException("Not built yet: " + missing + "; run ./mvnw -DskipTests install in "
                    + layout.home());
        }
        requireFree(ports.postgres(), "PostgreSQL");
        requireFree(ports.mongo(), "MongoDB");
        requireFree(ports.keycloak(), "Keycloak");
        for (PlatformService service : PlatformService.values()) {
            requireFree(ports.of(service), service.serviceName());
        }
    }

    /** Starts the stores and returns once they printed READY; stops them again if they do not. */
    StoresProcess startStores(PlatformPorts ports) {
        Path log = logOf(StoresProcess.NAME);
        long offset = Readiness.sizeOf(log);
        Process process = launcher.startJar(layout.embeddedStoresJar(), List.of("--data", dataDir.toString(),
                "--postgres-port", String.valueOf(ports.postgres()), "--mongo-port", String.valueOf(ports.mongo())),
                Map.of(), log);
        String[] urls = awaitReadyLine(process, StoresProcess.NAME, log, offset, settings.storesTimeout())
                .split(" ");
        return new StoresProcess(process.pid(), startTimeOf(process), ports.postgres(), ports.mongo(), urls[1],
                "postgres", urls[2], log.toString(), urls[3]);
    }

    /**
     * Starts Keycloak with the local realm (imported on the first start into {@code <data>/keycloak}) and returns
     * at once: it takes the longest to start, so the stores start meanwhile. {@link #awaitKeycloak} waits for it.
     */
    Process startKeycloak(PlatformPorts ports) {
        return launcher.startJar(layout.embeddedKeycloakJar(), List.of("--data",
                dataDir.resolve("keycloak").toString(), "--port", String.valueOf(ports.keycloak())), Map.of(),
                logOf(KeycloakProcess.NAME));
    }

    /** Waits until the Keycloak started by {@link #startKeycloak} printed READY; stops it if it does not. */
    KeycloakProcess awaitKeycloak(Process process, PlatformPorts ports, long logOffset) {
        Path log = logOf(KeycloakProcess.NAME);
        String issuer = awaitReadyLine(process, KeycloakProcess.NAME, log, logOffset, settings.keycloakTimeout())
                .split(" ")[1];
        return new KeycloakProcess(process.pid(), startTimeOf(process), ports.keycloak(), issuer, log.toString());
    }

    /**
     * The {@code READY …} line that {@code name} writes to its log past {@code offset}; fails when the process
     * exits first, and stops it when it does not write one within {@code timeout}.
     */
    private String awaitReadyLine(Process process, String name, Path log, long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Readiness.lineInLog(log, offset, "READY ");
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!process.isAlive()) {
                throw new PlatformException(name + " exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            pause();
        }
        ProcessControl.stop(List.of(process.toHandle()), settings.stopTimeout());
        throw new PlatformException(name + " did not report READY within " + timeout.toSeconds() + " s; see "
                + log);
    }

    long keycloakLogSize() {
        return Readiness.sizeOf(logOf(KeycloakProcess.NAME));
    }

    /** Starts {@code service}, serving TLS only with {@code tls} (and calling its peers so), plaintext without. */
    ServiceProcess startService(PlatformService service, PlatformPorts ports, StoresProcess stores,
                                KeycloakProcess keycloak, LocalCertificate tls) {
        Path log = logOf(service.serviceName());
        Map<String, String> env = new HashMap<>();
        if (tls == null) {
            env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.of(service)));
        } else {
            env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(ports.of(service)));
            env.put("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
            env.put("QUARKUS_TLS_KEY_STORE_P12_PATH", tls.keyStore().toString());
            env.put("QUARKUS_TLS_KEY_STORE_P12_PASSWORD", tls.password());
            env.put("CDM_PEERS_TLS_TRUST_CERTIFICATE_FILE", tls.certificate().toString());
        }
        env.put("MONGODB_URI", stores.mongoUri());
        env.put("EVENTSTORE_JDBC_URL", stores.jdbcUrl());
        env.put("EVENTSTORE_USER", stores.user());
        env.put("EVENTSTORE_PASSWORD", "");
        env.put("CDM_MASTER_KEY_FILE", stores.masterKeyFile());
        env.put("LOG_JSON", String.valueOf(settings.logJson()));
        if (keycloak == null || keycloak.issuer() == null) {
            throw new PlatformException("The recorded platform runs no Keycloak; restart it (cdm down, cdm up)");
        }
        env.put("CDM_OIDC_URL", keycloak.issuer());
        env.put("CDM_OIDC_CLIENT_SECRET", EmbeddedKeycloak.localClientSecret(service.serviceName()));
        if (service == PlatformService.INGESTION || service == PlatformService.CONSENT) {
            env.put("PROFILE_SERVICE_ADDRESS", "127.0.0.1:" + ports.profile());
        }
        if (service == PlatformService.CONSENT) {
            env.put("INGESTION_SERVICE_ADDRESS", "127.0.0.1:" + ports.ingestion());
        }
        if (service == PlatformService.PROFILE || service == PlatformService.INGESTION) {
            env.put("CONSENT_SERVICE_ADDRESS", "127.0.0.1:" + ports.consent());
        }
        Process process = launcher.startJar(layout.serviceJar(service), List.of(), env, log);
        return new ServiceProcess(service.serviceName(), process.pid(), startTimeOf(process), ports.of(service),
                log.toString());
    }

    /** Waits until every service answers 200 on /q/health/ready; fails on the first that exits or times out. */
    void awaitReady(List<ServiceProcess> services, HealthProbe health) {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (health.ready(service.port())) {
                    waiting.remove(service);
                } else if (ProcessControl.find(service.pid(), service.startedAt()).isEmpty()) {
                    throw new PlatformException(service.name() + " exited before it was ready; see " + service.log());
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                ServiceProcess late = waiting.get(0);
                throw new PlatformException(late.name() + " was not ready within "
                        + settings.readyTimeout().toSeconds() + " s; see " + late.log());
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    private static void requireFree(int port, String user) {
        if (Readiness.acceptsConnections(port)) {
            throw new PlatformException("Port " + port + " (for " + user + ") is already in use");
        }
    }

    private Path logOf(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    private static Instant startTimeOf(Process process) {
        return ProcessControl.startTimeOf(process.toHandle());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while waiting for the platform to start");
        }
    }
}
