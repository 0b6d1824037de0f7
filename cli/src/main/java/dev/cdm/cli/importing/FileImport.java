package dev.cdm.cli.importing;

import dev.cdm.cli.grpc.ServiceCallException;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.ProgressPrinter;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.SourceRecordKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of {@code cdm import}: streams the file's records to the ingestion service, tallies their results, shows
 * progress and keeps a checkpoint, so that a failed run can resume after the last line answered in order.
 */
public final class FileImport {

    private static final Duration TICK = Duration.ofSeconds(1);
    /** Up to this size a file is parsed once before the import: an exact total, and syntax errors before sending. */
    private static final long COUNTED_SIZE_LIMIT = 256L << 20;

    private final ImportSettings settings;
    private final ImportCheckpoint checkpoint;
    private final ProgressPrinter progress;
    private final ImportTally tally = new ImportTally();
    private RecordReader reader;
    private WindowedStream<IngestStreamRequest, IngestStreamResponse> stream;
    private long fileSize;
    private long total;
    private long started;
    private long nextTick;
    private long read;
    private long skipped;
    /** The last line that was sent or rejected unsent. */
    private long lastLine;
    private long lastSaved;

    public FileImport(ImportSettings settings, Path dataDir, ProgressPrinter progress) {
        this.settings = settings;
        this.checkpoint = ImportCheckpoint.of(dataDir, settings.file());
        this.progress = progress;
    }

    /**
     * Runs the import once; a second call is not supported.
     *
     * @throws ImportInputException when the file, its header or the mapping cannot be used
     * @throws ServiceCallException when the stream failed, with a hint how to resume
     */
    public ImportResult run(ServiceClients clients) throws InterruptedException {
        try (RecordReader opened = RecordReader.open(settings.file(), settings.format())) {
            reader = opened;
            settings.mapping().check(reader.header());
            long resumeAfter = checkpoint.answeredThrough();
            if (resumeAfter > 0) {
                progress.note("Resuming: lines up to " + resumeAfter + " of " + settings.file()
                        + " were imported by an earlier run; skipping them.");
            }
            lastLine = lastSaved = resumeAfter;
            countRecords();
            started = System.nanoTime();
            stream = WindowedStream.ofRecords(clients, settings.window(), tally::answer);
            nextTick = System.nanoTime() + TICK.toNanos();
            importRecords(resumeAfter);
            return new ImportResult(settings.file(), settings.format(), read, skipped, resumeAfter, tally.counts(),
                    tally.firstRejects(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void countRecords() {
        fileSize = sizeOf(settings.file());
        total = fileSize <= COUNTED_SIZE_LIMIT ? RecordReader.count(settings.file(), settings.format()) : -1;
    }

    private void importRecords(long resumeAfter) throws InterruptedException {
        boolean complete = false;
        try {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (row.line() <= resumeAfter) {
                    skipped++;
                } else {
                    send(row);
                }
                tickWhenDue();
            }
            stream.finish();
            while (!stream.awaitEnd(TICK)) {
                tick();
            }
            complete = true;
        } catch (ServiceCallException e) {
            throw e.withHint(resumeHint());
        } finally {
            progress.finish();
            if (complete) {
                checkpoint.delete();
            } else {
                stream.cancel("the import stopped");
                saveCheckpoint();
            }
        }
    }

    private void send(SourceRow row) throws InterruptedException {
        read++;
        IngestRecordRequest record = settings.mapping().toRecord(row).setInvalidFields(settings.invalidFields())
                .build();
        Optional<FieldIssue> missing = missingKeyPart(record.getKey());
        if (missing.isPresent()) {
            tally.rejectUnsent(row.line(), record.getKey().getSourceRecordId(), missing.get());
        } else {
            IngestStreamRequest request = IngestStreamRequest.newBuilder().setSequence(row.line()).setRecord(record)
                    .build();
            while (!stream.trySend(row.line(), record.getKey().getSourceRecordId(), request, TICK)) {
                tick();
            }
        }
        lastLine = row.line();
    }

    /** A record without a full key would fail the whole stream as malformed, so it is never sent. */
    private static Optional<FieldIssue> missingKeyPart(SourceRecordKey key) {
        String field = key.getSource().isBlank() ? "source" : key.getSourceRecordId().isBlank() ? "record_id" : null;
        return Optional.ofNullable(field)
                .map(name -> FieldIssue.newBuilder().setField(name).setReason("missing").build());
    }

    private void tickWhenDue() {
        if (System.nanoTime() >= nextTick) {
            tick();
        }
    }

    /** Progress and checkpoint, about once a second. */
    private void tick() {
        nextTick = System.nanoTime() + TICK.toNanos();
        long answered = tally.counts().answered();
        long done = skipped + answered;
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = seconds > 0 ? answered / seconds : 0;
        if (total >= 0) {
            progress.update(done, total, false, perSecond);
        } else if (reader.bytesRead() > 0) {
            long estimate = Math.round((double) (skipped + read) * fileSize / reader.bytesRead());
            progress.update(done, estimate, true, perSecond);
        }
        saveCheckpoint();
    }

    private void saveCheckpoint() {
        long answeredThrough = answeredThrough();
        if (answeredThrough > lastSaved) {
            checkpoint.save(answeredThrough);
            lastSaved = answeredThrough;
        }
    }

    /** Every line up to this one has its result: the line before the first still awaited, else the last sent. */
    private long answeredThrough() {
        return stream.firstAwaiting().stream().map(line -> line - 1).findFirst().orElse(lastLine);
    }

    private String resumeHint() {
        String of = total >= 0 ? " of " + (total - skipped) : "";
        long answeredThrough = answeredThrough();
        return tally.counts().answered() + of + " records were answered before the import stopped; run the same "
                + "command again to " + (answeredThrough > 0 ? "resume after line " + answeredThrough : "start over")
                + ".";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
