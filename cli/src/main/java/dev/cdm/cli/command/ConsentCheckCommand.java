package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.CheckPurposeResponse;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.Purpose;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Asks the policy whether a subject's data may be processed for a purpose now. "
                + "Exits 0 when allowed, 1 when refused.")
public final class ConsentCheckCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--purpose", required = true, paramLabel = "PURPOSE",
            converter = KebabEnumConverter.PurposeConverter.class,
            completionCandidates = KebabEnumConverter.Purposes.class, description = "${COMPLETION-CANDIDATES}")
    private Purpose purpose;

    @Option(names = "--channel", paramLabel = "C", description = "e.g. email; omitted means every channel.")
    private String channel = "";

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        CheckPurposeRequest request = CheckPurposeRequest.newBuilder()
                .setSubjectId(subjectId).setPurpose(purpose).setChannel(channel).build();
        CheckPurposeResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    ch -> ConsentServiceGrpc.newBlockingStub(ch).checkPurpose(request));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println(EnumNames.kebab(purpose) + " for " + ConsentText.named(subjectId,
                    response.getGoverningSubjectId()) + ": " + (response.getAllowed() ? "allowed" : "refused")
                    + " (" + EnumNames.kebab(response.getReason()) + ")");
        }
        return response.getAllowed() ? 0 : 1;
    }
}
