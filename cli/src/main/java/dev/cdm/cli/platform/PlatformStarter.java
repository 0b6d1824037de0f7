package dev.cdm.cli.platform;

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
        long deadline = System.nanoTime() + settings.storesTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Readiness.lineInLog(log, offset, "READY ");
            if (ready.isPresent()) {
                String[] urls = ready.get().split(" ");
                return new StoresProcess(process.pid(), startTimeOf(process), ports.postgres(), ports.mongo(),
                        urls[1], "postgres", urls[2], log.toString(), urls[3]);
            }
            if (!process.isAlive()) {
                throw new PlatformException(StoresProcess.NAME + " exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            pause();
        }
        ProcessControl.stop(List.of(process.toHandle()), settings.stopTimeout());
        throw new PlatformException(StoresProcess.NAME + " did not report READY within "
                + settings.storesTimeout().toSeconds() + " s; see " + log);
    }

    ServiceProcess startService(PlatformService service, PlatformPorts ports, StoresProcess stores) {
        Path log = logOf(service.serviceName());
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.of(service)));
        env.put("MONGODB_URI", stores.mongoUri());
        env.put("EVENTSTORE_JDBC_URL", stores.jdbcUrl());
        env.put("EVENTSTORE_USER", stores.user());
        env.put("EVENTSTORE_PASSWORD", "");
        env.put("CDM_MASTER_KEY_FILE", stores.masterKeyFile());
        env.put("LOG_JSON", String.valueOf(settings.logJson()));
        if (service == PlatformService.INGESTION || service == PlatformService.CONSENT) {
            env.put("PROFILE_SERVICE_ADDRESS", "127.0.0.1:" + ports.profile());
        }
        Process process = launcher.startJar(layout.serviceJar(service), List.of(), env, log);
        return new ServiceProcess(service.serviceName(), process.pid(), startTimeOf(process), ports.of(service),
                log.toString());
    }

    /** Waits until every service answers 200 on /q/health/ready; fails on the first that exits or times out. */
    void awaitReady(List<ServiceProcess> services) {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (Readiness.serviceReady(service.port())) {
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
