package dev.cdm.system;

import dev.cdm.cli.auth.Login;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.platform.Platform;
import dev.cdm.cli.platform.PlatformLayout;
import dev.cdm.cli.platform.PlatformPorts;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformSettings;
import dev.cdm.cli.platform.PlatformState;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform started the way {@code cdm up} starts it, on free ports in a fresh data directory, with
 * the CLI logged in there as the demo admin (every role) and channels that carry the admin's token.
 */
final class RunningPlatform implements AutoCloseable {

    static final String USER = "admin";

    final Path home;
    final Platform platform;
    final PlatformState state;
    final PlatformPorts ports;
    private final PlatformTokens tokens;
    private final Map<PlatformService, ManagedChannel> channels = new EnumMap<>(PlatformService.class);

    private RunningPlatform(Path home, Platform platform, PlatformPorts ports, PlatformState state) {
        this.home = home;
        this.platform = platform;
        this.ports = ports;
        this.state = state;
        this.tokens = new PlatformTokens(state.keycloak().issuer(), USER);
        new Login(SessionFile.in(platform.dataDir())).logIn(state.keycloak().issuer(), USER, USER);
    }

    static RunningPlatform start() throws IOException {
        return start(false);
    }

    /** With {@code tls}, as {@code cdm up --tls} starts it: the services serve and call each other over TLS only. */
    static RunningPlatform start(boolean tls) throws IOException {
        Path home = Path.of(System.getProperty("cdm.home", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("cdm-system-test");
        System.out.println("[platform] data directory " + data);
        Platform platform = new Platform(PlatformLayout.at(home), data,
                PlatformSettings.fromEnvironment(System.getenv()), line -> System.out.println("[platform] " + line));
        PlatformPorts ports = PlatformPorts.free();
        return new RunningPlatform(home, platform, ports, platform.up(ports, tls));
    }

    synchronized ManagedChannel channel(PlatformService service) {
        return channels.computeIfAbsent(service, s -> ServerTrust.of(state)
                .channelBuilder("127.0.0.1", ports.of(s))
                .intercept(tokens)
                .build());
    }

    /** The current access token of the admin, for tools that take it as a header. */
    String accessToken() {
        return tokens.accessToken();
    }

    /** A channel to {@code service} without credentials, for tests of what an anonymous caller gets. */
    ManagedChannel anonymousChannel(PlatformService service) {
        return ServerTrust.of(state).channel("127.0.0.1", ports.of(service));
    }

    String jdbcUrl() {
        return state.stores().jdbcUrl();
    }

    String mongoUri() {
        return state.stores().mongoUri();
    }

    /** The command line of {@code cdm <args>} against this platform, through the built CLI jar. */
    List<String> cliCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", home.resolve("cli/target/cdm-cli.jar").toString(),
                "--data", dataDir().toString()));
        command.addAll(List.of(args));
        return command;
    }

    Path dataDir() {
        return platform.dataDir();
    }

    @Override
    public void close() {
        channels.values().forEach(channel -> {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (System.getenv("CDM_KEEP_PLATFORM") == null) {
            platform.down();
            deleteRecursively(platform.dataDir());
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("[platform] could not delete " + directory + ": " + e.getMessage());
        }
    }
}
