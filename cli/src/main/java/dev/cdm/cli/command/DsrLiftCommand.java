package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.LiftRestrictionRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lift", mixinStandardHelpOptions = true,
        description = "Lifts the restriction of processing in force on a data subject (exit 1, FAILED_PRECONDITION, when none is).")
public final class DsrLiftCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private DsrSubjectOptions subject;

    @Option(names = "--wait", description = "Accepted for symmetry with erase: the lift takes effect at once.")
    private boolean await;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        LiftRestrictionRequest request = LiftRestrictionRequest.newBuilder()
                .setSubject(subject.subject())
                .setRequestedBy(subject.requestedBy())
                .build();
        DataSubjectRequest result = callRequests(stub -> stub.liftRestriction(request));
        if (json) {
            Json.print(out(), result);
        } else {
            DsrText.print(out(), result);
        }
        return 0;
    }
}
