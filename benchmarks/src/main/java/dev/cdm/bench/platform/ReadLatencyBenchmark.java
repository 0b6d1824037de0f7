package dev.cdm.bench.platform;

import static dev.cdm.bench.report.Numbers.grouped;
import static dev.cdm.bench.report.Numbers.ms;

import dev.cdm.bench.CountConverter;
import dev.cdm.bench.RunOptions;
import dev.cdm.bench.platform.PlatformSession.CliRun;
import dev.cdm.bench.report.JsonReport;
import dev.cdm.bench.report.Machine;
import dev.cdm.bench.report.Numbers;
import dev.cdm.bench.report.Percentiles;
import dev.cdm.bench.report.TextTable;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.cli.auth.SessionTokens;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * GetProfile under concurrent load against a full store: imports made-up people into a fresh platform (as
 * {@code cdm import} does), then lets {@code --callers} threads read random profiles of them for a purpose as fast
 * as each call returns, and reports the latency percentiles of the calls after a warm-up.
 */
@Command(name = "reads", mixinStandardHelpOptions = true,
        description = "Imports people into a fresh platform, then reads random profiles with concurrent callers "
                + "(ProfileService.GetProfile, purpose support, as the local admin) and reports p50/p99.")
public final class ReadLatencyBenchmark implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "100000", converter = CountConverter.class,
            description = "People in the store before the reads. Default: ${DEFAULT-VALUE}.")
    long profiles;

    @Option(names = "--callers", defaultValue = "50",
            description = "Concurrent callers, each with one call in flight. Default: ${DEFAULT-VALUE}.")
    int callers;

    @Option(names = "--seconds", defaultValue = "60",
            description = "How long the measured reads run. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "Reads before the measurement, not counted. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--service-java-option",
            description = "An option added to every service JVM and the stores JVM (repeatable), e.g. "
                    + "-XX:StartFlightRecording=filename=DIR/ to profile the run.")
    List<String> serviceJavaOptions = new ArrayList<>();

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (profiles < 1 || callers < 1 || seconds < 1 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--profiles, --callers and --seconds must be positive");
        }
        try (PlatformSession session = PlatformSession.start(run.workDir, run.keepData, "reads",
                serviceJavaOptions, ReadLatencyBenchmark::progress)) {
            CliRun imported = session.importPeople(profiles, 5).run();
            progress(String.format(Locale.ROOT, "imported in %.1f s", imported.seconds()));
            Path links = session.dataDir().resolve("links.csv");
            session.cli("export-links", "--out", links.toString());
            List<String> ids = Files.readAllLines(links).stream().skip(1).map(line -> line.split(",")[1])
                    .distinct().toList();
            progress(grouped(ids.size()) + " profiles to read");
            PlatformState state = PlatformStateFile.in(session.dataDir()).read().orElseThrow();
            ManagedChannel channel = ServerTrust.of(state).channel("127.0.0.1",
                    state.service(PlatformService.PROFILE).orElseThrow().port());
            try {
                var profileService = ProfileServiceGrpc.newBlockingStub(ClientInterceptors.intercept(channel,
                        ServiceClients.bearerToken(new SessionTokens(SessionFile.in(session.dataDir()),
                                Clock.systemUTC())::accessToken)));
                progress("warming up for " + warmupSeconds + " s with " + callers + " callers");
                load(profileService, ids, warmupSeconds);
                progress("measuring for " + seconds + " s with " + callers + " callers");
                Load measured = load(profileService, ids, seconds);
                report(measured, ids.size(), imported.seconds());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    /** {@code callers} threads reading random profiles for {@code durationSeconds}. */
    private Load load(ProfileServiceGrpc.ProfileServiceBlockingStub profileService, List<String> ids,
                      int durationSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Future<long[]>> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            threads.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    GetProfileRequest request = GetProfileRequest.newBuilder()
                            .setProfileId(ids.get(random.nextInt(ids.size())))
                            .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build();
                    long start = System.nanoTime();
                    try {
                        profileService.withDeadlineAfter(30, TimeUnit.SECONDS).getProfile(request);
                    } catch (StatusRuntimeException e) {
                        failures.computeIfAbsent(e.getStatus().getCode().name(), k -> new LongAdder()).increment();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> thread : threads) {
            all.add(thread.get());
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        Map<String, Long> failed = new LinkedHashMap<>();
        failures.forEach((code, count) -> failed.put(code, count.sum()));
        return new Load(merged, elapsed, failed);
    }

    private void report(Load load, int profileCount, double importSeconds) throws IOException {
        Percentiles latency = Percentiles.of(load.latencies());
        System.out.println();
        System.out.println("Machine: " + Machine.current().describe());
        System.out.printf(Locale.ROOT, "Store: %s profiles (imported in %.1f s); %d callers, %d s measured after %d s"
                + " of warm-up%n", grouped(profileCount), importSeconds, callers, seconds, warmupSeconds);
        TextTable table = new TextTable("GetProfile (purpose support, decided and audited)", "calls", "calls/s",
                "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "mean ms");
        table.row(grouped(latency.count()),
                Numbers.decimal(Numbers.perSecond(latency.count(), load.elapsedNanos())),
                ms(latency.percentile(50)), ms(latency.percentile(90)), ms(latency.percentile(99)),
                ms(latency.percentile(99.9)), ms(latency.max()), Numbers.decimal(latency.mean() / 1e6));
        table.print(System.out);
        System.out.println("failed calls: " + (load.failures().isEmpty() ? "none" : load.failures()));
        if (run.json != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", Machine.current().toJson());
            json.put("profiles", profileCount);
            json.put("callers", callers);
            json.put("seconds", seconds);
            json.put("calls", latency.count());
            json.put("callsPerSecond", Numbers.perSecond(latency.count(), load.elapsedNanos()));
            json.put("p50Ms", Numbers.millis(latency.percentile(50)));
            json.put("p99Ms", Numbers.millis(latency.percentile(99)));
            json.put("maxMs", Numbers.millis(latency.max()));
            json.put("failures", load.failures());
            JsonReport.write(run.json, json);
        }
    }

    static void progress(String message) {
        System.err.println("[reads] " + message);
    }

    /** Durations (ns) of the calls that succeeded, the wall time, and the failed calls by status code. */
    record Load(long[] latencies, long elapsedNanos, Map<String, Long> failures) {
    }
}
