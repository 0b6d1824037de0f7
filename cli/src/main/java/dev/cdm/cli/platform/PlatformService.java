package dev.cdm.cli.platform;

import java.util.Arrays;
import java.util.Optional;

/** The four services of the platform: each is a Maven module that builds a Quarkus jar of the same name. */
public enum PlatformService {
    INGESTION("ingestion-service", 8081),
    PROFILE("profile-service", 8082),
    CONSENT("consent-service", 8083),
    ANALYTICS("analytics-service", 8084);

    private final String serviceName;
    private final int defaultPort;

    PlatformService(String serviceName, int defaultPort) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
    }

    /** The name used everywhere else: module, log file, state file, messages. */
    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Optional<PlatformService> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.serviceName.equals(name)).findFirst();
    }

    /** Like {@link #byName} but fails with a message listing the valid names. */
    public static PlatformService require(String name) {
        return byName(name).orElseThrow(() -> new PlatformException(
                "Unknown service '" + name + "'; expected one of " + Arrays.stream(values())
                        .map(PlatformService::serviceName).toList()));
    }

    @Override
    public String toString() {
        return serviceName;
    }
}
