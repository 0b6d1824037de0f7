package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.Consent;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetConsentsResponse;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows the consents of a subject, now or as they stood at a given time.")
public final class ConsentGetCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--as-of", paramLabel = "ISO",
            description = "The decisions as they stood then, e.g. 2026-06-30T23:59:59Z (default: now).")
    private Instant asOf;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetConsentsRequest.Builder request = GetConsentsRequest.newBuilder().setSubjectId(subjectId);
        if (asOf != null) {
            request.setAsOf(Text.timestamp(asOf));
        }
        GetConsentsResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    channel -> ConsentServiceGrpc.newBlockingStub(channel).getConsents(request.build()));
        }
        String subject = ConsentText.named(subjectId, response.getGoverningSubjectId())
                + (asOf == null ? "" : " as of " + asOf);
        if (json) {
            Json.print(out(), response);
            return 0;
        }
        if (response.hasSaleOptOut()) {
            out().println("Sale and sharing of " + subject + ": "
                    + (response.getSaleOptOut().getOptedOut() ? "opted out" : "allowed (opt-out lifted)")
                    + " since " + Text.time(response.getSaleOptOut().getRecordedAt())
                    + " (" + response.getSaleOptOut().getSource() + ")");
        }
        if (response.getConsentsCount() == 0) {
            out().println("No consents recorded for " + subject);
        } else {
            Table table = new Table("PURPOSE", "CHANNEL", "STATUS", "LEGAL BASIS", "EXPIRES", "RECORDED", "PROOF");
            for (Consent consent : response.getConsentsList()) {
                table.row(EnumNames.kebab(consent.getPurpose()),
                        consent.getChannel().isEmpty() ? "(all)" : consent.getChannel(),
                        EnumNames.kebab(consent.getStatus()), EnumNames.kebab(consent.getLegalBasis()),
                        Text.time(consent.getExpiresAt()), Text.time(consent.getRecordedAt()),
                        Text.orDash(consent.getProof().getSource()));
            }
            table.print(out());
        }
        return 0;
    }
}
