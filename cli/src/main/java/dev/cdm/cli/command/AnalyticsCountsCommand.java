package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.Count;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.ProfileCounts;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "counts", mixinStandardHelpOptions = true,
        description = "Shows the number of profiles, by source and by country.")
public final class AnalyticsCountsCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        ProfileCounts counts;
        try (ServiceClients clients = clients()) {
            counts = clients.call(PlatformService.ANALYTICS, channel -> AnalyticsServiceGrpc.newBlockingStub(channel)
                    .getProfileCounts(GetProfileCountsRequest.getDefaultInstance()));
        }
        if (json) {
            Json.print(out(), counts);
            return 0;
        }
        out().println("Profiles: " + counts.getTotalProfiles());
        print("SOURCE", counts.getBySourceList());
        print("COUNTRY", counts.getByCountryList());
        return 0;
    }

    private void print(String keyHeader, List<Count> counts) {
        Table table = new Table(keyHeader, "PROFILES");
        counts.forEach(count -> table.row(count.getKey().isEmpty() ? "(none)" : count.getKey(), count.getCount()));
        out().println();
        table.print(out());
    }
}
