package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.RequestRestrictionRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restrict", mixinStandardHelpOptions = true,
        description = {"Restricts processing of a data subject's data (GDPR Art. 18) until it is lifted: no purpose"
                + " is allowed, the profile merges with no other, analytics leaves it out, and it cannot be erased.",
                "The restriction is in force when the command returns (--wait changes nothing)."})
public final class DsrRestrictCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private DsrSubjectOptions subject;

    @Mixin
    private DsrRegulationOption regulation;

    @Option(names = "--wait", description = "Accepted for symmetry with erase: a restriction is in force at once.")
    private boolean await;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        RequestRestrictionRequest request = RequestRestrictionRequest.newBuilder()
                .setSubject(subject.subject())
                .setRequestedBy(subject.requestedBy())
                .setRegulation(regulation.regulation())
                .build();
        DataSubjectRequest result = callRequests(stub -> stub.requestRestriction(request));
        if (json) {
            Json.print(out(), result);
        } else {
            DsrText.print(out(), result);
        }
        return 0;
    }
}
