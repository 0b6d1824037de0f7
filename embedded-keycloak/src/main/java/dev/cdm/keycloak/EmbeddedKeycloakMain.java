package dev.cdm.keycloak;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Keycloak as a process: {@code --data DIR --port N [--home DIR] [--realm FILE]}. The bootstrap admin comes
 * from {@code KC_BOOTSTRAP_ADMIN_USERNAME} / {@code KC_BOOTSTRAP_ADMIN_PASSWORD}, else the local-dev default
 * admin/admin. Prints one line {@code READY <issuer-url>} to standard output when the realm answers, and stops
 * Keycloak on SIGTERM.
 */
public final class EmbeddedKeycloakMain {

    private static final String LOCAL_DEV_ADMIN = "admin";

    private EmbeddedKeycloakMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, URISyntaxException {
        Path data = Path.of("data/keycloak");
        int port = 8180;
        Path home = defaultHome();
        Path realm = null;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--home" -> home = Path.of(args[i + 1]);
                case "--realm" -> realm = Path.of(args[i + 1]);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        KeycloakSettings settings = new KeycloakSettings(home.toAbsolutePath(), data.toAbsolutePath(), port,
                env("KC_BOOTSTRAP_ADMIN_USERNAME"), env("KC_BOOTSTRAP_ADMIN_PASSWORD"), realm,
                KeycloakSettings.DEFAULT_START_TIMEOUT);
        EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.close();
            stopped.countDown();
        }, "embedded-keycloak-shutdown"));
        System.out.println("READY " + keycloak.issuer());
        System.out.flush();
        stopped.await();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? LOCAL_DEV_ADMIN : value;
    }

    /** {@code -Dcdm.keycloak.home}, else {@code keycloak-<version>} next to this module's jar (in target/). */
    private static Path defaultHome() throws URISyntaxException {
        String property = System.getProperty("cdm.keycloak.home");
        if (property != null) {
            return Path.of(property);
        }
        Path codeSource = Path.of(EmbeddedKeycloakMain.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        return codeSource.getParent().resolve("keycloak-" + EmbeddedKeycloak.VERSION);
    }
}
