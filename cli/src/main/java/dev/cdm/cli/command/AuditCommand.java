package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.ListAccessAuditResponse;
import dev.cdm.proto.v1.ReadPurpose;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Lists who read or exported a subject's personal data, why, and which fields "
                + "(compliance officers; newest first).",
                "WHAT is read (the profile), consents, consent-check (whether a purpose is allowed was asked), export (an access request answered), rejects (a listing of "
                        + "rejected records that held the subject's, named where they were theirs) or links (an export"
                        + " of every record's profile)."})
public final class AuditCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most this many entries (1 to 1000, default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        ListAccessAuditRequest request = ListAccessAuditRequest.newBuilder().setSubjectId(subjectId)
                .setLimit(limit).build();
        ListAccessAuditResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    channel -> ConsentServiceGrpc.newBlockingStub(channel).listAccessAudit(request));
        }
        if (!response.getIncompleteReason().isEmpty()) {
            err().println("Warning: the trail is incomplete: " + response.getIncompleteReason());
        }
        if (json) {
            Json.print(out(), response);
        } else if (response.getEntriesCount() == 0) {
            out().println("Nobody has read or exported the data of " + subjectId);
        } else {
            Table table = new Table("AT", "WHAT", "WHO", "VIA", "PURPOSE", "DECISION", "FIELDS");
            for (AccessAuditEntry entry : response.getEntriesList()) {
                table.row(Text.time(entry.getAt()), what(entry), entry.getCaller(), Text.orDash(entry.getVia()),
                        entry.getPurpose() == ReadPurpose.READ_PURPOSE_UNSPECIFIED ? "-"
                                : EnumNames.kebab(entry.getPurpose()), decision(entry), fields(entry));
            }
            table.print(out());
        }
        return 0;
    }

    private static String what(AccessAuditEntry entry) {
        if (entry.getRecordsCount() == 0) {
            return entry.getKind();
        }
        return entry.getKind() + " " + String.join(",", entry.getRecordsList().stream()
                .map(key -> key.getSource() + "/" + key.getSourceRecordId()).toList());
    }

    private static String decision(AccessAuditEntry entry) {
        return entry.getAllowed() ? "allowed" : "refused: " + EnumNames.kebab(entry.getRefusal());
    }

    private static String fields(AccessAuditEntry entry) {
        StringBuilder fields = new StringBuilder();
        append(fields, "clear", entry.getFieldsInClearList());
        append(fields, "masked", entry.getFieldsMaskedList());
        append(fields, "withheld", entry.getFieldsWithheldList());
        return fields.isEmpty() ? "-" : fields.toString();
    }

    private static void append(StringBuilder fields, String how, List<String> names) {
        if (!names.isEmpty()) {
            fields.append(fields.isEmpty() ? "" : "; ").append(how).append(' ').append(String.join(",", names));
        }
    }
}
