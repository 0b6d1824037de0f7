package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.grouped;

import dev.cdm.bench.Cleanup;
import dev.cdm.bench.CountConverter;
import dev.cdm.bench.Deadline;
import dev.cdm.bench.People;
import dev.cdm.bench.Postmaster;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.TempDirectory;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.cli.auth.Login;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.cli.auth.SessionTokens;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.Platform;
import dev.cdm.cli.platform.PlatformLayout;
import dev.cdm.cli.platform.PlatformPorts;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformSettings;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The running platform as a user starts it: start-up time, memory per process, ingest-to-visible latency. */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Starts the platform (embedded stores + four services, as ./cdm up does) on free ports in a "
                + "fresh data directory, measures start-up time and memory, ingests records one at a time and "
                + "measures how long each takes to become readable through ProfileService.GetProfile, then stops it.")
public final class PlatformBenchmark implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final int READ_PROBES = 200;

    @Option(names = "--records", defaultValue = "1000", converter = CountConverter.class,
            description = "Records (distinct people) to ingest. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--poll-interval-ms", defaultValue = "1",
            description = "Pause between GetProfile polls. Default: ${DEFAULT-VALUE}.")
    long pollIntervalMs;

    @Option(names = "--visible-timeout", defaultValue = "10",
            description = "Seconds to wait for one record to become visible. Default: ${DEFAULT-VALUE}.")
    long visibleTimeoutSeconds;

    @Option(names = "--time-limit", defaultValue = "15", description = "Minutes after which ingesting stops and "
            + "what was measured is reported. Default: ${DEFAULT-VALUE}.")
    long timeLimitMinutes;

    @Option(names = "--java-opts", description = "JVM options of the stores and services "
            + "(default: ${DEFAULT-VALUE}, as ./cdm up).")
    String javaOptions = PlatformSettings.DEFAULT_JAVA_OPTS;

    @Option(names = "--tls", description = "Start the platform as ./cdm up --tls does: every service serves TLS "
            + "only and calls its peers over TLS; the benchmark's own calls use TLS too.")
    boolean tls;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        if (records < 1 || pollIntervalMs < 1 || visibleTimeoutSeconds < 1 || timeLimitMinutes < 1) {
            throw new IllegalArgumentException("--records, --poll-interval-ms, --visible-timeout and --time-limit "
                    + "must be positive");
        }
        PlatformLayout layout = PlatformLayout.fromEnvironment(System.getenv());
        if (!layout.missingJars().isEmpty()) {
            throw new IllegalStateException("Not built yet: " + layout.missingJars() + "; run ./mvnw -B -q "
                    + "-DskipTests install in " + layout.home() + " (benchmarks/run does this)");
        }
        String loadBefore = Machine.loadAverage();
        PlatformSettings settings = PlatformSettings.defaults()
                .withJavaOptions(Arrays.stream(javaOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        try (Cleanup cleanup = new Cleanup()) {
            Path dataDir = TempDirectory.create(run.workDir, "platform");
            cleanup.add("delete " + dataDir, () -> TempDirectory.deleteUnless(run.keepData, dataDir));
            Platform platform = new Platform(layout, dataDir, settings, PlatformBenchmark::progress);
            cleanup.add("stop the platform", () -> {
                Optional<Long> postmaster = Postmaster.pid(dataDir.resolve("postgres"));
                platform.down();
                postmaster.ifPresent(pid -> Postmaster.awaitExit(pid, Duration.ofSeconds(15)));
            });
            long upStart = System.nanoTime();
            PlatformState state = platform.up(PlatformPorts.free(), tls);
            long upNanos = System.nanoTime() - upStart;
            progress("all ready after " + upNanos / 1_000_000 + " ms");
            MemorySnapshot afterUp = MemorySnapshot.take(state, dataDir);
            Map<String, Double> startTimes = StartTimes.fromLogs(state.services());
            long ingestStart = System.nanoTime();
            IngestLoop loop = ingestLoop(state, dataDir, cleanup);
            List<IngestLoop.Sample> samples = ingestAll(loop);
            long ingestNanos = System.nanoTime() - ingestStart;
            ReadProbes probes = probeReads(loop, samples);
            MemorySnapshot afterRun = MemorySnapshot.take(state, dataDir);
            long downStart = System.nanoTime();
            platform.down();
            long downNanos = System.nanoTime() - downStart;
            PlatformReport report = new PlatformReport(Machine.current(), javaOptions, tls, records, pollIntervalMs,
                    upNanos, startTimes, afterUp, afterRun, samples, ingestNanos, probes, downNanos, loadBefore,
                    Machine.loadAverage());
            report.print(System.out);
            if (run.json != null) {
                JsonReport.write(run.json, report.toJson());
                progress("wrote " + run.json);
            }
            return samples.size() == records && samples.stream().allMatch(IngestLoop.Sample::visible) ? 0 : 3;
        }
    }

    private IngestLoop ingestLoop(PlatformState state, Path dataDir, Cleanup cleanup) {
        ManagedChannel ingestion = channel(state, PlatformService.INGESTION);
        ManagedChannel profiles = channel(state, PlatformService.PROFILE);
        cleanup.add("close the gRPC channels", () -> {
            ingestion.shutdownNow();
            profiles.shutdownNow();
        });
        // the calls are the local demo admin's, as after `cdm login --user admin`
        SessionFile session = SessionFile.in(dataDir);
        new Login(session).logIn(state.keycloak().issuer(), "admin", "admin");
        ClientInterceptor admin = ServiceClients.bearerToken(new SessionTokens(session, Clock.systemUTC())::accessToken);
        return new IngestLoop(IngestionServiceGrpc.newBlockingStub(ClientInterceptors.intercept(ingestion, admin)),
                ProfileServiceGrpc.newBlockingStub(ClientInterceptors.intercept(profiles, admin)),
                Duration.ofMillis(pollIntervalMs),
                Duration.ofSeconds(visibleTimeoutSeconds));
    }

    /** GetProfile alone, on a quiet platform: for profiles that exist, and for ids that do not. */
    private static ReadProbes probeReads(IngestLoop loop, List<IngestLoop.Sample> samples) {
        List<String> known = samples.stream().map(IngestLoop.Sample::profileId).limit(READ_PROBES).toList();
        List<String> unknown = IntStream.range(0, READ_PROBES)
                .mapToObj(i -> UUID.nameUUIDFromBytes(("unknown-" + i).getBytes(StandardCharsets.UTF_8)).toString())
                .toList();
        progress("timing " + known.size() + " GetProfile calls for known and " + unknown.size() + " for unknown ids");
        return new ReadProbes(loop.timeGetProfile(known), loop.timeGetProfile(unknown));
    }

    private List<IngestLoop.Sample> ingestAll(IngestLoop loop) {
        Deadline deadline = Deadline.in(Duration.ofMinutes(timeLimitMinutes));
        List<IngestLoop.Sample> samples = new ArrayList<>();
        long lastProgress = System.nanoTime();
        for (long i = 0; i < records; i++) {
            if (deadline.passed()) {
                progress("time limit of " + timeLimitMinutes + " min reached after " + grouped(i) + " records");
                break;
            }
            samples.add(loop.ingest(request(i)));
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS || i == records - 1) {
                progress("ingested " + grouped(i + 1) + " / " + grouped(records) + " records");
                lastProgress = System.nanoTime();
            }
        }
        return samples;
    }

    static IngestRecordRequest request(long n) {
        return IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource("bench").setSourceRecordId("person-" + n))
                .setPerson(PersonFieldsMapper.toProto(People.person(n)))
                .build();
    }

    private static ManagedChannel channel(PlatformState state, PlatformService service) {
        int port = state.service(service).orElseThrow().port();
        return ServerTrust.of(state).channel("127.0.0.1", port);
    }

    /** Durations (ns) of GetProfile calls for existing profiles and for unknown ids. */
    record ReadProbes(long[] found, long[] notFound) {
    }

    static void progress(String message) {
        System.err.println("[platform] " + message);
    }
}
