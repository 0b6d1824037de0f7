package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists every event of a profile, oldest first (exit 4 if unknown).")
public final class ProfileHistoryCommand extends CliCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Profile id.")
    private String profileId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetProfileHistoryRequest request = GetProfileHistoryRequest.newBuilder().setProfileId(profileId).build();
        ProfileHistory history = callProfiles(profiles -> profiles.getProfileHistory(request));
        if (json) {
            Json.print(out(), history);
            return 0;
        }
        out().println("History of profile " + history.getProfileId() + " (" + history.getEntriesCount()
                + " events):");
        Table table = new Table("  SEQ", "TIME", "TYPE", "SUMMARY", "CORRELATION");
        for (ProfileHistoryEntry entry : history.getEntriesList()) {
            table.row("  " + entry.getSequenceNumber(), Text.time(entry.getTimestamp()), entry.getEventType(),
                    entry.getSummary(), Text.orDash(entry.getCorrelationId()));
        }
        table.print(out());
        return 0;
    }
}
