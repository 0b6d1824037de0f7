package dev.cdm.cli.command;

import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.ListRequestsRequest;
import dev.cdm.proto.v1.ListRequestsResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists data-subject requests, the most recent first; --overdue shows those past their deadline.")
public final class DsrListCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--overdue", description = "Only requests past their legal deadline that are not answered.")
    private boolean overdue;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "At most N (default 100).")
    private int limit;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        ListRequestsRequest request = ListRequestsRequest.newBuilder().setOverdueOnly(overdue).setLimit(limit)
                .build();
        ListRequestsResponse response = callRequests(stub -> stub.listRequests(request));
        if (json) {
            Json.print(out(), response);
        } else if (response.getRequestsCount() == 0) {
            out().println(overdue ? "No overdue requests" : "No requests");
        } else {
            Table table = new Table("REQUEST", "TYPE", "LAW", "STATUS", "PROFILE", "REQUESTED", "DUE", "OVERDUE");
            for (DataSubjectRequest r : response.getRequestsList()) {
                table.row(r.getRequestId(), EnumNames.kebab(r.getType()), EnumNames.kebab(r.getRegulation()),
                        EnumNames.kebab(r.getStatus()), r.getProfileId(), Text.time(r.getRequestedAt()),
                        Text.time(r.getDueAt()), r.getOverdue() ? "OVERDUE" : "-");
            }
            table.print(out());
        }
        return 0;
    }
}
