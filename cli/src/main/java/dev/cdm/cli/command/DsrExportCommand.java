package dev.cdm.cli.command;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.proto.v1.RequestExportRequest;
import dev.cdm.proto.v1.SubjectDataExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports everything held about a data subject (GDPR Art. 15 and 20, CCPA right to know) as"
                + " one JSON document: the profile with every source record, its history, consents and requests.",
                "The document holds personal data: --out writes it to a file only its owner can read (mode 0600);"
                + " without --out it goes to stdout. The request keeps only its SHA-256."})
public final class DsrExportCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private DsrSubjectOptions subject;

    @Mixin
    private DsrRegulationOption regulation;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the export here (must not exist yet).")
    private Path out;

    @Option(names = "--wait", description = "Accepted for symmetry with erase: the export is complete on return.")
    private boolean await;

    @Override
    public Integer call() {
        RequestExportRequest request = RequestExportRequest.newBuilder()
                .setSubject(subject.subject())
                .setRequestedBy(subject.requestedBy())
                .setRegulation(regulation.regulation())
                .build();
        SubjectDataExport export = callRequests(stub -> stub.exportSubjectData(request));
        if (out == null) {
            out().println(export.getJson());
            return 0;
        }
        write(export.getJson());
        DsrText.print(out(), export.getRequest());
        out().println("Written    " + out + " (" + export.getRequest().getTrailList().stream()
                .filter(step -> step.getStep().equals("exported")).map(step -> step.getDetail()).findFirst()
                .orElse("") + ")");
        return 0;
    }

    private void write(String json) {
        try {
            Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(out, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILURE, "Cannot write the export to " + out + ": " + e.getMessage());
        }
    }
}
