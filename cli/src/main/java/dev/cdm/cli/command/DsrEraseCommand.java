package dev.cdm.cli.command;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Erases a data subject (GDPR Art. 17, CCPA delete) by crypto-shredding: their data keys are"
                + " destroyed and every service purges what it holds.",
                "The subject is the profile (and every profile merged into it) that the id, email or phone names."})
public final class DsrEraseCommand extends CliCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(250);

    @Mixin
    private DsrSubjectOptions subject;

    @Mixin
    private DsrRegulationOption regulation;

    @Option(names = "--suppress", description = "The subject asked not to be taken in again: ingestion refuses any"
            + " later record with one of their emails or phones (kept as keyed hashes, never in clear).")
    private boolean suppress;

    @Option(names = "--wait", description = "Return when every service has acknowledged, and print the outcome.")
    private boolean await;

    @Option(names = "--timeout", defaultValue = "PT2M", paramLabel = "DURATION",
            description = "How long --wait waits (ISO-8601, default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        RequestErasureRequest request = RequestErasureRequest.newBuilder()
                .setSubject(subject.subject())
                .setRequestedBy(subject.requestedBy())
                .setRegulation(regulation.regulation())
                .setSuppress(suppress)
                .build();
        DataSubjectRequest result;
        // one set of channels for the request and every poll: closing channels takes time of its own
        try (ServiceClients clients = clients()) {
            result = requests(clients, stub -> stub.requestErasure(request));
            if (await) {
                result = awaitCompletion(clients, result.getRequestId());
            }
        }
        if (json) {
            Json.print(out(), result);
        } else {
            DsrText.print(out(), result);
        }
        return 0;
    }

    private DataSubjectRequest awaitCompletion(ServiceClients clients, String requestId)
            throws InterruptedException {
        GetRequestRequest get = GetRequestRequest.newBuilder().setRequestId(requestId).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DataSubjectRequest current = requests(clients, stub -> stub.getRequest(get));
            if (current.getStatus() == RequestStatus.REQUEST_STATUS_COMPLETED) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new CliFailure(ExitCodes.FAILURE, "Erasure " + requestId + " did not complete within "
                        + timeout.toSeconds() + " s; waiting on " + current.getPendingServicesList()
                        + " (cdm dsr status " + requestId + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    static <T> T requests(ServiceClients clients,
                          Function<DataSubjectRequestsGrpc.DataSubjectRequestsBlockingStub, T> call) {
        return clients.call(PlatformService.CONSENT, channel -> call.apply(DataSubjectRequestsGrpc.newBlockingStub(
                channel)));
    }
}
