package dev.cdm.keycloak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start {@link EmbeddedKeycloak}: the unpacked distribution, the data directory, the HTTP port (0 picks a
 * free one), the bootstrap admin of the master realm, and the realm file ({@code null}: the local realm with its
 * demo users, from the class path).
 */
public record KeycloakSettings(Path home, Path dataDir, int port, String adminUser, String adminPassword,
                               Path realmFile, Duration startTimeout) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public KeycloakSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        if (adminUser == null || adminUser.isBlank() || adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalArgumentException("The bootstrap admin user and password are required");
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** The local realm with demo users, with the given bootstrap admin. */
    public static KeycloakSettings local(Path home, Path dataDir, int port, String adminUser, String adminPassword) {
        return new KeycloakSettings(home, dataDir, port, adminUser, adminPassword, null, DEFAULT_START_TIMEOUT);
    }
}
