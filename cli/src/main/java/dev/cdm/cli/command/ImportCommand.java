package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServiceCallException;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.importing.ActivityImport;
import dev.cdm.cli.importing.ActivityKind;
import dev.cdm.cli.importing.FileImport;
import dev.cdm.cli.importing.ImportInputException;
import dev.cdm.cli.importing.ImportResult;
import dev.cdm.cli.importing.ImportSettings;
import dev.cdm.cli.importing.MappingFile;
import dev.cdm.cli.importing.RecordMapping;
import dev.cdm.cli.importing.SourceFormat;
import dev.cdm.cli.output.ProgressPrinter;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a CSV or JSON-lines file of customer records over one ingestion stream, then waits "
                + "until every accepted record is readable. Prints counts by outcome and the first rejects.",
                "Run again on the unchanged file, a failed import resumes where it stopped. Canonical columns and "
                        + "the --mapping format: see cli/README.md."})
public final class ImportCommand extends CliCommand implements Callable<Integer> {

    /** How long the profile projections may take to show every imported record. */
    private static final Duration PROJECTION_WAIT = Duration.ofMinutes(10);

    @Parameters(paramLabel = "FILE", description = "A .csv, .jsonl or .ndjson file.")
    private Path file;

    @Option(names = "--format", paramLabel = "csv|jsonl", converter = FormatConverter.class,
            description = "The file's format, when its extension does not tell.")
    private SourceFormat format;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "JSON mapping from the file's columns to record fields (default: canonical columns).")
    private Path mapping;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Source system of every record, instead of a column or the mapping's.")
    private String source;

    @Mixin
    private InvalidFieldsOption invalidFields;

    @Option(names = "--window", paramLabel = "N", defaultValue = "2048",
            description = "Records awaiting their result at most (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--no-wait", description = "Return when the stream is done, before the profiles are readable.")
    private boolean noWait;

    @Option(names = "--json", description = "Print the summary as JSON (snake_case keys) and no progress.")
    private boolean json;

    @Option(names = "--kind", paramLabel = "records|purchases|interactions", defaultValue = "records",
            converter = KindConverter.class,
            description = "What the file holds (default: ${DEFAULT-VALUE}): customer records, or activities for "
                    + "ActivityService (columns: see cli/README.md).")
    private Kind kind;

    enum Kind { RECORDS, PURCHASES, INTERACTIONS }

    @Override
    public Integer call() throws InterruptedException {
        if (kind != Kind.RECORDS) {
            return importActivities();
        }
        try (ServiceClients clients = clients()) {
            ImportSettings settings = settings();
            ImportResult result = new FileImport(settings, root().dataDir(), ProgressPrinter.to(err(), json))
                    .run(clients);
            ImportSummary summary = new ImportSummary(result, settings.mapping().constantSource());
            if (noWait) {
                summary.print(out(), json, null);
                return ExitCodes.OK;
            }
            try {
                summary.print(out(), json, awaitProjections(clients));
            } catch (ServiceCallException e) {
                summary.print(out(), json, null);
                throw e.withHint("Every record was imported, but their profiles may not be readable yet.");
            }
            return ExitCodes.OK;
        } catch (ImportInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int importActivities() throws InterruptedException {
        try (ServiceClients clients = clients()) {
            if (mapping != null) {
                throw new ImportInputException("--mapping is for customer records; activity files use the"
                        + " canonical columns");
            }
            ActivityImport.Result result = new ActivityImport(file, checkedFormat(),
                    kind == Kind.PURCHASES ? ActivityKind.PURCHASES : ActivityKind.INTERACTIONS, source, window,
                    root().dataDir(), ProgressPrinter.to(err(), json)).run(clients);
            if (!noWait) {
                awaitProjections(clients);
            }
            new ActivityImportSummary(result).print(out(), json);
            return ExitCodes.OK;
        } catch (ImportInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SourceFormat checkedFormat() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImportInputException("Cannot read " + file + ": "
                    + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        if (window < 1) {
            throw new ImportInputException("--window must be at least 1");
        }
        return format != null ? format : SourceFormat.of(file).orElseThrow(() ->
                new ImportInputException("Cannot tell the format of " + file + "; name it with --format csv|jsonl"));
    }

    private ImportSettings settings() {
        SourceFormat chosen = checkedFormat();
        RecordMapping recordMapping = mapping == null ? RecordMapping.canonical() : MappingFile.read(mapping);
        if (source != null) {
            recordMapping = recordMapping.withSource(source);
        }
        return new ImportSettings(file, chosen, recordMapping, invalidFields.policy(), window);
    }

    /** Returns once profile-service's projections show every record stored so far, with the time that took. */
    private static Duration awaitProjections(ServiceClients clients) {
        long started = System.nanoTime();
        AwaitProjectionsRequest request = AwaitProjectionsRequest.newBuilder()
                .setTimeoutMillis(PROJECTION_WAIT.toMillis()).build();
        clients.call(PlatformService.PROFILE, channel -> ProjectionAdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(PROJECTION_WAIT.toMillis() + ServiceClients.DEFAULT_DEADLINE.toMillis(),
                        TimeUnit.MILLISECONDS)
                .awaitProjections(request));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            try {
                return Kind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of [records, purchases, interactions]");
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            return SourceFormat.named(value).orElseThrow(() ->
                    new TypeConversionException("'" + value + "' is not one of [csv, jsonl]"));
        }
    }
}
