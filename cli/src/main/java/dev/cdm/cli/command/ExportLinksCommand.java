package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.SourceRecordLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-links", mixinStandardHelpOptions = true,
        description = {"Writes every linked source record with the profile it belongs to as CSV "
                + "(source_record_id,profile_id), e.g. to score a linkage against ground truth.",
                "Profiles merged away are followed to the one that survived."})
public final class ExportLinksCommand extends CliCommand implements Callable<Integer> {

    /** An export streams every link there is; it may take long but should not hang forever. */
    private static final long DEADLINE_HOURS = 6;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path outFile;

    @Option(names = "--source", paramLabel = "NAME", description = "Only records of this source.")
    private String source = "";

    @Option(names = "--with-source", description = "Add a first column: source.")
    private boolean withSource;

    @Override
    public Integer call() throws IOException {
        if (outFile == null) {
            export(out());
            return ExitCodes.OK;
        }
        // written beside and moved into place, so that a failed export leaves no half file behind
        Path temporary = outFile.toAbsolutePath().resolveSibling(outFile.getFileName() + ".tmp");
        long links;
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            links = export(writer);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err().println("Wrote " + links + " links to " + outFile);
        return ExitCodes.OK;
    }

    private long export(Appendable target) {
        ExportLinksRequest request = ExportLinksRequest.newBuilder().setSource(source).build();
        try (ServiceClients clients = clients()) {
            return clients.call(PlatformService.PROFILE, channel -> write(ProfileServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_HOURS, TimeUnit.HOURS).exportLinks(request), target));
        }
    }

    private long write(Iterator<SourceRecordLink> links, Appendable target) {
        try {
            // not closed: that would close stdout
            CSVPrinter csv = new CSVPrinter(target, CSV);
            csv.printRecord(row("source", "source_record_id", "profile_id"));
            long count = 0;
            while (links.hasNext()) {
                SourceRecordLink link = links.next();
                csv.printRecord(row(link.getKey().getSource(), link.getKey().getSourceRecordId(), link.getProfileId()));
                count++;
            }
            csv.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> row(String source, String sourceRecordId, String profileId) {
        return withSource ? List.of(source, sourceRecordId, profileId) : List.of(sourceRecordId, profileId);
    }
}
