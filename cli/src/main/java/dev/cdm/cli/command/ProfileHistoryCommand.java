package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists every event of a profile, oldest first, as the purpose may read it "
                + "(exit 4 if unknown, 6 if refused).")
public final class ProfileHistoryCommand extends ProfileQueryCommand<ProfileHistory> {

    @Mixin
    private ReadPurposeOption purpose;

    @Override
    ProfileHistory query(ProfileServiceBlockingStub profiles, String profileId) {
        return profiles.getProfileHistory(GetProfileHistoryRequest.newBuilder().setProfileId(profileId)
                .setPurpose(purpose.purpose()).build());
    }

    @Override
    void printText(PrintWriter out, ProfileHistory history) {
        out.println("History of profile " + history.getProfileId() + " (" + history.getEntriesCount()
                + " events):");
        Table table = new Table("  SEQ", "TIME", "TYPE", "SUMMARY", "BY", "CORRELATION");
        for (ProfileHistoryEntry entry : history.getEntriesList()) {
            table.row("  " + entry.getSequenceNumber(), Text.time(entry.getTimestamp()), entry.getEventType(),
                    entry.getSummary(), causedBy(entry), Text.orDash(entry.getCorrelationId()));
        }
        table.print(out);
    }

    /** The caller, and for whom it acted: "ingestion-service for ingest". */
    private static String causedBy(ProfileHistoryEntry entry) {
        String caller = Text.orDash(entry.getCaller());
        return entry.getOnBehalfOf().isEmpty() ? caller : caller + " for " + entry.getOnBehalfOf();
    }
}
