package dev.cdm.cli.grpc;

import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.cli.platform.ServiceProcess;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Where each service listens: as recorded in the state file, else on its default port on 127.0.0.1. */
public final class ServiceAddresses {

    private static final String HOST = "127.0.0.1";

    private final Map<PlatformService, Integer> ports;

    private ServiceAddresses(Map<PlatformService, Integer> ports) {
        this.ports = ports;
    }

    public static ServiceAddresses of(Path dataDir) {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, service.defaultPort());
        }
        PlatformStateFile.in(dataDir).read().map(PlatformState::services).ifPresent(services -> {
            for (ServiceProcess process : services) {
                PlatformService.byName(process.name()).ifPresent(service -> ports.put(service, process.port()));
            }
        });
        return new ServiceAddresses(ports);
    }

    public String host() {
        return HOST;
    }

    public int port(PlatformService service) {
        return ports.get(service);
    }

    /** host:port, as shown in messages. */
    public String describe(PlatformService service) {
        return HOST + ":" + port(service);
    }
}
