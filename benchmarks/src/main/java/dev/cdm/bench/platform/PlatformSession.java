package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.Cleanup;
import dev.cdm.bench.Postmaster;
import dev.cdm.bench.TempDirectory;
import dev.cdm.cli.auth.Login;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.cli.platform.Platform;
import dev.cdm.cli.platform.PlatformLayout;
import dev.cdm.cli.platform.PlatformPorts;
import dev.cdm.cli.platform.PlatformSettings;
import dev.cdm.cli.platform.PlatformState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A platform started for one measurement, in a fresh data directory on free ports, and the real CLI
 * ({@code cli/target/cdm-cli.jar}) run against it as a separate process, as a user would.
 */
public final class PlatformSession implements AutoCloseable {

    private final PlatformLayout layout;
    private final Path dataDir;
    private final Cleanup cleanup = new Cleanup();
    private final Consumer<String> progress;

    private PlatformSession(PlatformLayout layout, Path dataDir, Consumer<String> progress) {
        this.layout = layout;
        this.dataDir = dataDir;
        this.progress = progress;
    }

    public static PlatformSession start(Path workDir, boolean keepData, String name, Consumer<String> progress) {
        return start(workDir, keepData, name, List.of(), progress);
    }

    /** As {@link #start(Path, boolean, String, Consumer)}, with {@code javaOptions} added to every service's JVM. */
    public static PlatformSession start(Path workDir, boolean keepData, String name, List<String> javaOptions,
                                        Consumer<String> progress) {
        PlatformLayout layout = PlatformLayout.fromEnvironment(System.getenv());
        if (!layout.missingJars().isEmpty()) {
            throw new IllegalStateException("Not built yet: " + layout.missingJars() + "; run ./mvnw -B -q "
                    + "-DskipTests install in " + layout.home() + " (benchmarks/run does this)");
        }
        Path dataDir = TempDirectory.create(workDir, name);
        PlatformSession session = new PlatformSession(layout, dataDir, progress);
        session.cleanup.add("delete " + dataDir, () -> TempDirectory.deleteUnless(keepData, dataDir));
        PlatformSettings defaults = PlatformSettings.defaults();
        List<String> options = new ArrayList<>(defaults.javaOptions());
        options.addAll(javaOptions);
        Platform platform = new Platform(layout, dataDir, defaults.withJavaOptions(options), progress);
        session.cleanup.add("stop the platform", () -> {
            Optional<Long> postmaster = Postmaster.pid(dataDir.resolve("postgres"));
            platform.down();
            postmaster.ifPresent(pid -> Postmaster.awaitExit(pid, Duration.ofSeconds(15)));
        });
        long start = System.nanoTime();
        PlatformState state = platform.up(PlatformPorts.free());
        progress.accept("platform up in " + (System.nanoTime() - start) / 1_000_000 + " ms (" + dataDir + ")");
        // the CLI runs as the local demo admin, as after `cdm login --user admin`
        new Login(SessionFile.in(dataDir)).logIn(state.keycloak().issuer(), "admin", "admin");
        return session;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Writes {@code people} made-up people as a CSV (every {@code duplicateEvery}-th also from a second source, see
     * {@link PeopleCsv}) and imports it with {@code cdm import FILE --json}, which returns once all is readable.
     */
    public PeopleImport importPeople(long people, int duplicateEvery) {
        Path file = dataDir.resolve("people-" + people + ".csv");
        long records;
        try {
            records = PeopleCsv.write(file, people, duplicateEvery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept("importing " + grouped(records) + " records (" + grouped(people) + " people)");
        return new PeopleImport(records, cli("import", file.toString(), "--json"));
    }

    /** Runs {@code cdm <args>} against this platform; its stderr (progress) goes to ours. */
    public CliRun cli(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
                layout.cliJar().toString(), "--data", dataDir.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dataDir, "cli-", ".out");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int exit = process.waitFor();
            long nanos = System.nanoTime() - start;
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException("cdm " + String.join(" ", args) + " exited with " + exit + ":\n"
                        + stdout);
            }
            return new CliRun(stdout, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the CLI", e);
        }
    }

    @Override
    public void close() {
        cleanup.close();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** How many records {@link #importPeople} imported, and the import's run. */
    public record PeopleImport(long records, CliRun run) {
    }

    /** What one CLI run printed on stdout, and how long it took. */
    public record CliRun(String stdout, long nanos) {

        public double seconds() {
            return nanos / 1e9;
        }
    }
}
