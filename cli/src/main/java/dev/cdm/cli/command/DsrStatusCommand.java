package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.GetRequestRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows a data-subject request: its status, deadline and the services' acknowledgements.")
public final class DsrStatusCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The request id (dsr-...).")
    private String requestId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetRequestRequest request = GetRequestRequest.newBuilder().setRequestId(requestId).build();
        DataSubjectRequest result = callRequests(stub -> stub.getRequest(request));
        if (json) {
            Json.print(out(), result);
        } else {
            DsrText.print(out(), result);
        }
        return 0;
    }
}
