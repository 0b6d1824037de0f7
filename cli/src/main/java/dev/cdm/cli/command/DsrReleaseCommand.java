package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.ReleaseLegalHoldRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Releases the legal hold on a data subject's profile (exit 1 when none is in force).")
public final class DsrReleaseCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private DsrSubjectOptions subject;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        ReleaseLegalHoldRequest request = ReleaseLegalHoldRequest.newBuilder().setSubject(subject.subject())
                .setReleasedBy(subject.requestedBy()).build();
        LegalHold hold = callRequests(stub -> stub.releaseLegalHold(request));
        if (json) {
            Json.print(out(), hold);
        } else {
            DsrText.print(out(), hold);
        }
        return 0;
    }
}
