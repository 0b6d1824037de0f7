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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows the consents in force for a subject.")
public final class ConsentGetCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetConsentsRequest request = GetConsentsRequest.newBuilder().setSubjectId(subjectId).build();
        GetConsentsResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    channel -> ConsentServiceGrpc.newBlockingStub(channel).getConsents(request));
        }
        if (json) {
            Json.print(out(), response);
        } else if (response.getConsentsCount() == 0) {
            out().println("No consents recorded for " + subjectId);
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
