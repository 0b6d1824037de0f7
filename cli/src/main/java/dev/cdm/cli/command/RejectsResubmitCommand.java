package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.proto.v1.ResubmitRejectsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "resubmit", mixinStandardHelpOptions = true,
        description = "Runs rejected records through ingestion again (e.g. after the rules changed, or with "
                + "--invalid-fields drop); an accepted one is marked resolved.")
public final class RejectsResubmitCommand extends CliCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Reject ids, as 'cdm rejects' lists them.")
    private List<String> rejectIds = new ArrayList<>();

    @Option(names = "--all", description = "Every open reject.")
    private boolean all;

    @Mixin
    private InvalidFieldsOption invalidFields;

    @Override
    public Integer call() {
        if (all == !rejectIds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Specify either reject IDs or --all");
        }
        ResubmitRejectsRequest request = ResubmitRejectsRequest.newBuilder().addAllRejectIds(rejectIds)
                .setAllOpen(all).setInvalidFields(invalidFields.policy()).build();
        ResubmitRejectsResponse response = callIngestion(ingestion -> ingestion.resubmitRejects(request));
        out().println("Resubmitted " + response.getResubmitted() + ": " + response.getAccepted() + " accepted, "
                + response.getStillRejected() + " still rejected");
        return ExitCodes.OK;
    }
}
