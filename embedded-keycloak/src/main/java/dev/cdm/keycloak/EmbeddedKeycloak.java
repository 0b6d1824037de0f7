package dev.cdm.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak distribution run as a child process ({@code kc.sh start-dev --import-realm}), with its H2
 * database under the data directory so that users, sessions and keys survive a restart. The realm is imported on
 * the first start only (Keycloak skips realms that already exist).
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    public static final String REALM = "cdm";
    /** Keep in step with {@code keycloak.version} in this module's pom. */
    public static final String VERSION = "26.5.5";
    public static final String LOCAL_REALM_RESOURCE = "/realms/realm-cdm-local.json";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The secret of a service's confidential client in the local realm (local use only; the production realm has
     * none, and Keycloak or the operator sets them).
     */
    public static String localClientSecret(String clientId) {
        return "local-only-" + clientId + "-secret";
    }

    private final Process process;
    private final int port;
    private final String issuer;
    private final Path log;

    private EmbeddedKeycloak(Process process, int port, String issuer, Path log) {
        this.process = process;
        this.port = port;
        this.issuer = issuer;
        this.log = log;
    }

    /** Starts Keycloak and returns once the realm's discovery document answers. */
    public static EmbeddedKeycloak start(KeycloakSettings settings) throws IOException, InterruptedException {
        Path data = Files.createDirectories(settings.dataDir().toAbsolutePath());
        Path kcSh = settings.home().resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + settings.home()
                    + " (build embedded-keycloak with Maven: it unpacks the distribution into target/)");
        }
        copyRealm(settings, Files.createDirectories(settings.home().resolve("data/import")).resolve("cdm-realm.json"));
        int port = settings.port() == 0 ? freePort() : settings.port();
        Path log = data.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(kcSh.toString(), "start-dev",
                "--http-port=" + port, "--import-realm",
                "--db-url=jdbc:h2:file:" + data.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE"))
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        Process process = builder.start();
        try {
            String issuer = awaitDiscovery(process, port, log, settings.startTimeout());
            return new EmbeddedKeycloak(process, port, issuer, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>/realms/cdm}, as the discovery document reports it. */
    public String issuer() {
        return issuer;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM to Keycloak and its children, then SIGKILL for whatever is still running after 30 s. */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static String awaitDiscovery(Process process, int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        URI discovery = URI.create("http://localhost:" + port + "/realms/" + REALM
                + "/.well-known/openid-configuration");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new ObjectMapper().readTree(response.body()).path("issuer").asText();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + timeout.toSeconds()
                + " s; see " + log);
    }

    private static void copyRealm(KeycloakSettings settings, Path target) throws IOException {
        if (settings.realmFile() != null) {
            Files.copy(settings.realmFile(), target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream(LOCAL_REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + LOCAL_REALM_RESOURCE);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
