package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.SetConsentResponse;
import dev.cdm.proto.v1.SetSaleOptOutRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "do-not-sell", mixinStandardHelpOptions = true,
        description = "Records a subject's CCPA/CPRA \"do not sell or share my personal information\" choice.")
public final class ConsentDoNotSellCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "Data subject (profile) id.")
    private String subjectId;

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "Where the choice was made, e.g. web-privacy-link or gpc-signal.")
    private String source;

    @Option(names = "--lift", description = "Lift an earlier opt-out instead.")
    private boolean lift;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        SetSaleOptOutRequest request = SetSaleOptOutRequest.newBuilder()
                .setSubjectId(subjectId).setOptedOut(!lift).setSource(source).build();
        SetConsentResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.CONSENT,
                    ch -> ConsentServiceGrpc.newBlockingStub(ch).setSaleOptOut(request));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println("Sale and sharing of " + ConsentText.subject(response) + ": "
                    + (lift ? "opt-out lifted" : "opted out")
                    + (response.getChanged() ? "" : " (unchanged: it already was)"));
        }
        return 0;
    }
}
