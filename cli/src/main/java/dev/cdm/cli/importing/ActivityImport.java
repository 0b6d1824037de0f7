package dev.cdm.cli.importing;

import dev.cdm.cli.grpc.ServiceCallException;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.ProgressPrinter;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordActivitiesResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code cdm import --kind purchases|interactions}: streams the file's activities to profile-service
 * over RecordActivities, resuming after the last line an earlier run had answered (the checkpoint of
 * {@code cdm import}). Every rejected row is appended to {@link #rejectsFile()} (line, id, reason and fields; no
 * values: the line points into the file), so no refusal is lost.
 */
public final class ActivityImport {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int REJECTS_SHOWN = 20;

    private final Path file;
    private final SourceFormat format;
    private final ActivityRows rows;
    private final int window;
    private final ImportCheckpoint checkpoint;
    private final ProgressPrinter progress;
    private final Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<RejectedRecord> firstRejects = new ArrayList<>();
    private Writer rejects;
    private WindowedStream<RecordActivitiesRequest, RecordActivitiesResponse> stream;
    private long lastLine;

    public ActivityImport(Path file, SourceFormat format, ActivityKind kind, String source, int window,
                          Path dataDir, ProgressPrinter progress) {
        this.file = file;
        this.format = format;
        this.rows = new ActivityRows(kind, source);
        this.window = window;
        this.checkpoint = ImportCheckpoint.of(dataDir, file);
        this.progress = progress;
    }

    /** What a run did: rows by outcome ("recorded", "duplicate", "pending", "rejected") and the first rejects. */
    public record Result(Path file, long read, long skipped, Map<String, Long> counts,
                         List<RejectedRecord> firstRejects, Path rejectsFile, Duration elapsed) {
    }

    public Path rejectsFile() {
        return checkpoint.path().resolveSibling(checkpoint.path().getFileName().toString()
                .replace(".json", ".rejects.jsonl"));
    }

    public Result run(ServiceClients clients) throws InterruptedException {
        long started = System.nanoTime();
        long resumeAfter = checkpoint.answeredThrough();
        if (resumeAfter > 0) {
            progress.note("Resuming: lines up to " + resumeAfter + " of " + file + " were imported by an earlier"
                    + " run; skipping them.");
        }
        long read = 0;
        long skipped = 0;
        boolean complete = false;
        lastLine = resumeAfter;
        try (RecordReader reader = RecordReader.open(file, format); Writer rejected = openRejects()) {
            rejects = rejected;
            stream = WindowedStream.ofActivities(clients, window, this::answer);
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (row.line() <= resumeAfter) {
                    skipped++;
                    continue;
                }
                read++;
                send(row);
            }
            stream.finish();
            while (!stream.awaitEnd(TICK)) {
                saveCheckpoint();
            }
            complete = true;
        } catch (ServiceCallException e) {
            throw e.withHint("Run the same command again to resume after the last line answered.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejects file " + rejectsFile(), e);
        } finally {
            progress.finish();
            if (complete) {
                checkpoint.delete();
            } else if (stream != null) {
                stream.cancel("the import stopped");
                saveCheckpoint();
            }
        }
        return new Result(file, read, skipped, Map.copyOf(counts), List.copyOf(firstRejects), rejectsFile(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void send(SourceRow row) throws InterruptedException {
        ActivityRows.Row activity = rows.read(row);
        if (activity.request().isEmpty()) {
            reject(new RejectedRecord(row.line(), activity.activityId(), "", "not sent", activity.issues()));
        } else {
            while (!stream.trySend(row.line(), activity.activityId(), activity.request().get(), TICK)) {
                saveCheckpoint();
            }
        }
        lastLine = row.line();
    }

    private void answer(long line, String activityId, RecordActivitiesResponse response) {
        if (response.hasRecorded()) {
            String outcome = switch (response.getRecorded().getOutcome()) {
                case ACTIVITY_OUTCOME_DUPLICATE -> "duplicate";
                case ACTIVITY_OUTCOME_PENDING -> "pending";
                default -> "recorded";
            };
            counts.merge(outcome, 1L, Long::sum);
        } else {
            reject(new RejectedRecord(line, activityId, "", response.getRejected().getReason(),
                    response.getRejected().getViolationsList()));
        }
    }

    private synchronized void reject(RejectedRecord rejected) {
        counts.merge("rejected", 1L, Long::sum);
        if (firstRejects.size() < REJECTS_SHOWN) {
            firstRejects.add(rejected);
        }
        try {
            rejects.write(Json.MAPPER.writeValueAsString(Map.of("line", rejected.line(),
                    "activity_id", rejected.recordId(), "reason", rejected.reason(),
                    "violations", Json.arrayOf(rejected.violations()))) + "\n");
            rejects.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejects file " + rejectsFile(), e);
        }
    }

    private Writer openRejects() throws IOException {
        Files.createDirectories(rejectsFile().getParent());
        return Files.newBufferedWriter(rejectsFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void saveCheckpoint() {
        long through = stream.firstAwaiting().stream().map(line -> line - 1).findFirst().orElse(lastLine);
        if (through > 0) {
            checkpoint.save(through);
        }
    }
}
