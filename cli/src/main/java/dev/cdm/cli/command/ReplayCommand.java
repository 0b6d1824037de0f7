package dev.cdm.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServiceCallException;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ProjectionStatus;
import dev.cdm.proto.v1.RebuildProgress;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuilds a projection (or all of them) from the event store beside the live one, which keeps "
                + "serving, and switches to it once it has caught up; shows its progress meanwhile.")
public final class ReplayCommand extends CliCommand implements Callable<Integer> {

    /** A replay reads the whole event store; it may take long but should not hang forever. */
    private static final long REPLAY_DEADLINE_HOURS = 6;
    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    @Parameters(arity = "0..1", paramLabel = "PROJECTION", description = "e.g. profile-view, consent-view.")
    private String projection;

    @Option(names = "--all", description = "Replay every projection of every service, one after another.")
    private boolean all;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        if (all == (projection != null)) {
            throw new ParameterException(spec.commandLine(), "Specify either a PROJECTION or --all");
        }
        List<ReplayProjectionResponse> replays = new ArrayList<>();
        try (ServiceClients clients = clients()) {
            Map<String, PlatformService> owners = findOwners(clients);
            if (!json) {
                out().printf("%-28s %-18s %12s %12s %8s %12s%n", "PROJECTION", "SERVICE", "DURATION", "POSITION",
                        "SEGMENTS", "EVENTS/S");
            }
            for (Map.Entry<String, PlatformService> owner : owners.entrySet()) {
                ReplayProjectionResponse replay = replay(clients, owner.getValue(), owner.getKey());
                replays.add(replay);
                if (!json) {
                    out().printf("%-28s %-18s %9d ms %12d %8d %12s%n", replay.getStatus().getName(),
                            owner.getValue(), replay.getDurationMillis(), replay.getStatus().getPosition(),
                            replay.getSegments(), rate(replay.getStatus().getPosition() + 1,
                                    replay.getDurationMillis()));
                }
            }
        }
        if (json) {
            ObjectNode result = Json.MAPPER.createObjectNode();
            result.set("replays", Json.arrayOf(replays));
            Json.print(out(), result);
        }
        return ExitCodes.OK;
    }

    /** Projection name to owning service, restricted to what was asked for. */
    private Map<String, PlatformService> findOwners(ServiceClients clients) {
        Map<String, PlatformService> owners = new LinkedHashMap<>();
        List<ServiceCallException> failures = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            try {
                List<ProjectionStatus> projections = clients.call(service, channel -> ProjectionAdminServiceGrpc
                        .newBlockingStub(channel).listProjections(ListProjectionsRequest.getDefaultInstance()))
                        .getProjectionsList();
                projections.stream()
                        .filter(status -> status.getReplayable() || !all)
                        .forEach(status -> owners.put(status.getName(), service));
            } catch (ServiceCallException e) {
                failures.add(e);
            }
        }
        // the owner may be among the services that did not answer
        if (!failures.isEmpty() && (all || !owners.containsKey(projection))) {
            throw failures.get(0);
        }
        if (all) {
            return owners;
        }
        if (!owners.containsKey(projection)) {
            throw new CliFailure(ExitCodes.NOT_FOUND,
                    "No service owns a projection named '" + projection + "'; known: " + owners.keySet());
        }
        return Map.of(projection, owners.get(projection));
    }

    /** Replays {@code name}, printing the rebuild's progress to stderr every second while it runs. */
    private ReplayProjectionResponse replay(ServiceClients clients, PlatformService owner, String name) {
        ReplayProjectionRequest request = ReplayProjectionRequest.newBuilder().setName(name).build();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleWithFixedDelay(() -> printProgress(clients, owner, name), PROGRESS_EVERY_MILLIS,
                PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return clients.call(owner, channel -> ProjectionAdminServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(REPLAY_DEADLINE_HOURS, TimeUnit.HOURS)
                    .replayProjection(request));
        } finally {
            progress.shutdownNow();
        }
    }

    private void printProgress(ServiceClients clients, PlatformService owner, String name) {
        try {
            clients.call(owner, channel -> ProjectionAdminServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS)
                            .listProjections(ListProjectionsRequest.getDefaultInstance()))
                    .getProjectionsList().stream()
                    .filter(status -> status.getName().equals(name) && status.hasRebuild())
                    .findFirst()
                    .ifPresent(status -> {
                        err().println(progressLine(name, status.getRebuild()));
                        err().flush();
                    });
        } catch (RuntimeException e) {
            // progress is a courtesy: the replay call itself reports what matters
        }
    }

    /** e.g. "profile-view: 41,000 of 100,000 events (41%), 20,500 events/s, 2 segments, ETA 3 s". */
    static String progressLine(String name, RebuildProgress rebuild) {
        long done = rebuild.getPosition() + 1;
        long total = Math.max(1, rebuild.getTargetPosition() + 1);
        double perSecond = rebuild.getElapsedMillis() > 0 ? done * 1000.0 / rebuild.getElapsedMillis() : 0;
        String eta = perSecond > 0 && done < total
                ? ", ETA " + Math.round((total - done) / perSecond) + " s" : "";
        return String.format(Locale.ROOT, "%s: %,d of %,d events (%d%%), %s events/s, %d segment%s%s", name,
                Math.min(done, total), total, Math.min(100, done * 100 / total), rate(done, rebuild.getElapsedMillis()),
                rebuild.getSegments(), rebuild.getSegments() == 1 ? "" : "s", eta);
    }

    private static String rate(long events, long millis) {
        return millis > 0 ? String.format(Locale.ROOT, "%,d", Math.round(events * 1000.0 / millis)) : "-";
    }
}
