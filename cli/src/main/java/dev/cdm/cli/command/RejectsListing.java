package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.ListRejectsResponse;
import dev.cdm.proto.v1.Reject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Lists rejects: {@code cdm rejects list}, and {@code cdm rejects} alone. */
abstract class RejectsListing extends CliCommand implements Callable<Integer> {

    private static final int MAX_LIMIT = 1000;

    @Option(names = "--source", paramLabel = "S", description = "Only rejects from this source.")
    private String source = "";

    @Option(names = "--all", description = "Also rejects whose record was accepted later.")
    private boolean all;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rejects, 1-1000 (default: 100).")
    private int limit;

    @Option(names = "--json", description = "Print JSON (snake_case keys), including the submitted fields: "
            + "personal data, meant for the compliance-owned pipeline.")
    private boolean json;

    @Override
    public Integer call() {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT);
        }
        ListRejectsRequest request = ListRejectsRequest.newBuilder().setSource(source).setIncludeResolved(all)
                .setLimit(limit).build();
        ListRejectsResponse response = callIngestion(ingestion -> ingestion.listRejects(request));
        if (json) {
            Json.print(out(), response);
        } else if (response.getRejectsCount() == 0) {
            out().println((all ? "No rejects" : "No open rejects") + (source.isEmpty() ? "" : " from " + source));
        } else {
            Table table = new Table("REJECT ID", "RECORD", "REASON", "VIOLATIONS", "REJECTED", "RESOLVED");
            for (Reject reject : response.getRejectsList()) {
                table.row(reject.getRejectId(), Text.key(reject.getKey()), Text.orDash(reject.getReason()),
                        Text.issues(reject.getViolationsList()), Text.time(reject.getRejectedAt()),
                        Text.time(reject.getResolvedAt()));
            }
            table.print(out());
        }
        return ExitCodes.OK;
    }
}
