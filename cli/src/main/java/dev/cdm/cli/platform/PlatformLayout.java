package dev.cdm.cli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where the built jars of a CDM checkout are, relative to its root ({@code CDM_HOME}). */
public final class PlatformLayout {

    private static final String VERSION = readProjectVersion();

    private final Path home;

    private PlatformLayout(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static PlatformLayout at(Path home) {
        return new PlatformLayout(home);
    }

    /** {@code CDM_HOME} when set, else the checkout around the working directory (see {@link #discover}). */
    public static PlatformLayout fromEnvironment(Map<String, String> env) {
        String home = env.get("CDM_HOME");
        return home == null || home.isBlank() ? discover(Path.of("")) : new PlatformLayout(Path.of(home));
    }

    /**
     * The nearest directory at or above {@code start} that holds the Maven wrapper and the embedded-stores
     * module, e.g. the checkout root for a test running in a module directory; {@code start} if there is none.
     */
    public static PlatformLayout discover(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("embedded-stores"))) {
                return new PlatformLayout(dir);
            }
        }
        return new PlatformLayout(start);
    }

    /** The CDM version this code was built as; it also names the embedded-stores jar. */
    public static String version() {
        return VERSION;
    }

    public Path home() {
        return home;
    }

    public Path defaultDataDir() {
        return home.resolve("data");
    }

    public Path cliJar() {
        return home.resolve("cli/target/cdm-cli.jar");
    }

    public Path embeddedStoresJar() {
        return home.resolve("embedded-stores/target/embedded-stores-" + VERSION + ".jar");
    }

    public Path embeddedKeycloakJar() {
        return home.resolve("embedded-keycloak/target/embedded-keycloak-" + VERSION + ".jar");
    }

    public Path serviceJar(PlatformService service) {
        return home.resolve(service.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The jars {@code up} needs that are not built yet. */
    public List<Path> missingJars() {
        List<Path> required = new ArrayList<>(List.of(embeddedStoresJar(), embeddedKeycloakJar()));
        for (PlatformService service : PlatformService.values()) {
            required.add(serviceJar(service));
        }
        return required.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    private static String readProjectVersion() {
        try (InputStream in = PlatformLayout.class.getResourceAsStream("/cdm-cli.properties")) {
            if (in == null) {
                throw new IllegalStateException("cdm-cli.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("cdm.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return home.toString();
    }
}
