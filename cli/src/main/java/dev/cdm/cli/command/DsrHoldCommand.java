package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.PlaceLegalHoldRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hold", mixinStandardHelpOptions = true,
        description = "Places a legal hold on a data subject's profile: erasure is refused until it is released.")
public final class DsrHoldCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private DsrSubjectOptions subject;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "A case reference or note (no personal data).")
    private String reason;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        PlaceLegalHoldRequest request = PlaceLegalHoldRequest.newBuilder().setSubject(subject.subject())
                .setPlacedBy(subject.requestedBy()).setReason(reason).build();
        LegalHold hold = callRequests(stub -> stub.placeLegalHold(request));
        if (json) {
            Json.print(out(), hold);
        } else {
            DsrText.print(out(), hold);
        }
        return 0;
    }
}
