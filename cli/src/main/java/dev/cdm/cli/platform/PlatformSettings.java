package dev.cdm.cli.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the platform's processes are run: JVM options (for the stores and every service), service log format
 * and the time limits of starting (stores, services, Keycloak) and stopping.
 */
public record PlatformSettings(List<String> javaOptions, boolean logJson, Duration storesTimeout,
                               Duration readyTimeout, Duration stopTimeout, Duration keycloakTimeout) {

    public static final String DEFAULT_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC -Ddisable-axoniq-console-message=true";

    public PlatformSettings {
        javaOptions = List.copyOf(javaOptions);
    }

    public static PlatformSettings defaults() {
        return new PlatformSettings(split(DEFAULT_JAVA_OPTS), false,
                Duration.ofSeconds(60), Duration.ofSeconds(180), Duration.ofSeconds(30), Duration.ofSeconds(240));
    }

    /** Reads {@code CDM_JAVA_OPTS} and {@code CDM_LOG_JSON}; everything else keeps its default. */
    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        String javaOpts = env.getOrDefault("CDM_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        boolean logJson = Boolean.parseBoolean(env.getOrDefault("CDM_LOG_JSON", "false"));
        return defaults().withJavaOptions(split(javaOpts)).withLogJson(logJson);
    }

    public PlatformSettings withJavaOptions(List<String> options) {
        return new PlatformSettings(options, logJson, storesTimeout, readyTimeout, stopTimeout, keycloakTimeout);
    }

    public PlatformSettings withLogJson(boolean json) {
        return new PlatformSettings(javaOptions, json, storesTimeout, readyTimeout, stopTimeout, keycloakTimeout);
    }

    public PlatformSettings withTimeouts(Duration stores, Duration ready, Duration stop) {
        return new PlatformSettings(javaOptions, logJson, stores, ready, stop, keycloakTimeout);
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }
}
