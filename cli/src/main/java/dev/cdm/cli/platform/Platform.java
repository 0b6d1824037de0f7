package dev.cdm.cli.platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts, inspects and stops the local platform: Keycloak, the embedded stores and the four services, each its own
 * {@code java} process that outlives the caller. What runs is recorded in {@code <data>/run/platform.json};
 * logs go to {@code <data>/logs/<name>.log}. Used by {@code cdm up/down/status} and directly by system tests.
 */
public final class Platform {

    private final PlatformLayout layout;
    private final Path dataDir;
    private final PlatformSettings settings;
    private final Consumer<String> progress;
    private final PlatformStateFile stateFile;
    private final PlatformStarter starter;

    public Platform(PlatformLayout layout, Path dataDir) {
        this(layout, dataDir, PlatformSettings.defaults(), message -> { });
    }

    /** {@code progress} receives one human-readable line per step of {@link #up}. */
    public Platform(PlatformLayout layout, Path dataDir, PlatformSettings settings, Consumer<String> progress) {
        this.layout = layout;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.progress = progress;
        this.stateFile = PlatformStateFile.in(this.dataDir);
        this.starter = new PlatformStarter(layout, settings, this.dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The recorded state, whether or not its processes are still alive. */
    public Optional<PlatformState> state() {
        return stateFile.read();
    }

    /** Starts everything, serving plaintext, and waits until it is ready; the running state if it is already up. */
    public synchronized PlatformState up(PlatformPorts ports) {
        return up(ports, false);
    }

    /**
     * Starts everything and waits until it is ready; returns the running state if it is already up. With
     * {@code tls} the services serve TLS only, with the data dir's {@link LocalCertificate}, and call each other so
     * (Keycloak and the stores stay plaintext on 127.0.0.1).
     */
    public synchronized PlatformState up(PlatformPorts ports, boolean tls) {
        Optional<PlatformState> previous = stateFile.read();
        if (previous.isPresent()) {
            if (status().ready()) {
                progress.accept("CDM is already running (data " + dataDir + ")");
                return previous.get();
            }
            progress.accept("Stopping the rest of a previous run that is not fully up");
            down();
        }
        starter.requireStartable(ports);
        LocalCertificate certificate = tls ? LocalCertificate.in(dataDir).ensure() : null;
        progress.accept("Starting Keycloak (realm cdm, :" + ports.keycloak() + ")");
        long keycloakLog = starter.keycloakLogSize();
        Process keycloakProcess = starter.startKeycloak(ports);
        StoresProcess stores;
        try {
            progress.accept("Starting the embedded stores (PostgreSQL :" + ports.postgres()
                    + ", MongoDB :" + ports.mongo() + ")");
            stores = starter.startStores(ports);
        } catch (RuntimeException e) {
            ProcessControl.stop(withDescendants(keycloakProcess.toHandle()), settings.stopTimeout());
            throw e;
        }
        PlatformState state = new PlatformState(dataDir.toString(), Instant.now(), stores, List.of(),
                new KeycloakProcess(keycloakProcess.pid(), ProcessControl.startTimeOf(keycloakProcess.toHandle()),
                        ports.keycloak(), null, null),
                certificate == null ? null : certificate.certificate().toString());
        stateFile.write(state);
        try {
            KeycloakProcess keycloak = starter.awaitKeycloak(keycloakProcess, ports, keycloakLog);
            state = state.withKeycloak(keycloak);
            stateFile.write(state);
            progress.accept("Starting " + PlatformService.values().length + " services"
                    + (tls ? " (TLS only, certificate " + certificate.certificate() + ")" : ""));
            for (PlatformService service : PlatformService.values()) {
                state = state.withService(starter.startService(service, ports, stores, keycloak, certificate));
                stateFile.write(state);
            }
            starter.awaitReady(state.services(), HealthProbe.of(state));
            return state;
        } catch (RuntimeException e) {
            stopAll(state);
            stateFile.delete();
            throw e;
        }
    }

    /** Stops the services, then the stores (SIGTERM, then SIGKILL after the stop timeout); false if none ran. */
    public synchronized boolean down() {
        Optional<PlatformState> state = stateFile.read();
        state.ifPresent(this::stopAll);
        stateFile.delete();
        return state.isPresent();
    }

    public PlatformStatus status() {
        return stateFile.read().map(PlatformStatus::inspect).orElseGet(() -> PlatformStatus.notRunning(dataDir));
    }

    /** Stops one service gracefully (if it runs), starts it again on the same port and waits until it is ready. */
    public synchronized ServiceProcess restartService(String name) {
        PlatformService service = PlatformService.require(name);
        PlatformState state = requireState();
        state.service(service).flatMap(Platform::find)
                .ifPresent(process -> ProcessControl.stop(List.of(process), settings.stopTimeout()));
        ServiceProcess started = starter.startService(service, PlatformPorts.recordedIn(state), state.stores(),
                state.keycloak(), state.tls() ? LocalCertificate.in(dataDir) : null);
        stateFile.write(state.withService(started));
        starter.awaitReady(List.of(started), HealthProbe.of(state));
        return started;
    }

    /** SIGKILL for one service, as a crash would; the state keeps it, so {@link #restartService} can revive it. */
    public synchronized void killService(String name) {
        PlatformService service = PlatformService.require(name);
        ProcessHandle process = requireState().service(service).flatMap(Platform::find)
                .orElseThrow(() -> new PlatformException(name + " is not running"));
        ProcessControl.kill(process);
    }

    private void stopAll(PlatformState state) {
        List<ProcessHandle> services = new ArrayList<>();
        state.services().forEach(service -> find(service).ifPresent(services::add));
        ProcessControl.stop(services, settings.stopTimeout());
        StoresProcess stores = state.stores();
        ProcessControl.find(stores.pid(), stores.startedAt())
                .ifPresent(process -> ProcessControl.stop(List.of(process), settings.stopTimeout()));
        KeycloakProcess keycloak = state.keycloak();
        if (keycloak != null) {
            ProcessControl.find(keycloak.pid(), keycloak.startedAt())
                    .ifPresent(process -> ProcessControl.stop(withDescendants(process), settings.stopTimeout()));
        }
    }

    /** The Keycloak launcher and the server it runs (kc.sh and its JVM), so that none outlives a stop. */
    private static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(List.of(process));
        process.descendants().forEach(all::add);
        return all;
    }

    private PlatformState requireState() {
        return stateFile.read().orElseThrow(() -> new PlatformException("CDM is not running (no "
                + stateFile.path() + ")"));
    }

    private static Optional<ProcessHandle> find(ServiceProcess service) {
        return ProcessControl.find(service.pid(), service.startedAt());
    }
}
