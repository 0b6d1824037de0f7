package dev.cdm.cli;

import dev.cdm.cli.platform.KeycloakProcess;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.cli.platform.ServiceProcess;
import dev.cdm.cli.platform.StoresProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes state files as {@code cdm up} would, with this test JVM standing in for every process (so each
 * recorded pid is alive) and chosen ports, so that the CLI talks to fakes instead of real services.
 */
public final class TestStates {

    private TestStates() {
    }

    public static PlatformState write(Path dataDir, int storesPort, Map<PlatformService, Integer> servicePorts) {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElseThrow();
        StoresProcess stores = new StoresProcess(self.pid(), started, storesPort, storesPort,
                "jdbc:postgresql://127.0.0.1:" + storesPort + "/cdm", "postgres",
                "mongodb://127.0.0.1:" + storesPort, dataDir.resolve("logs/embedded-stores.log").toString(),
                dataDir.resolve("kms/master.key").toString());
        List<ServiceProcess> services = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            int port = servicePorts.getOrDefault(service, unusedPort());
            services.add(new ServiceProcess(service.serviceName(), self.pid(), started, port,
                    dataDir.resolve("logs/" + service.serviceName() + ".log").toString()));
        }
        KeycloakProcess keycloak = new KeycloakProcess(self.pid(), started, storesPort,
                "http://127.0.0.1:" + storesPort + "/realms/cdm", dataDir.resolve("logs/keycloak.log").toString());
        PlatformState state = new PlatformState(dataDir.toString(), Instant.parse("2026-11-23T10:15:30Z"), stores,
                services, keycloak);
        PlatformStateFile.in(dataDir).write(state);
        return state;
    }

    /** A port nothing listens on (free when asked; good enough for an "unreachable" address). */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
