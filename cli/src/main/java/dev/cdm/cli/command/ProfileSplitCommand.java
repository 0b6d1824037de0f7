package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SplitProfileRequest;
import dev.cdm.proto.v1.SplitProfileResponse;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Undoes a wrong merge or link: the named records leave the profile and found a new one, and "
                + "the two are kept apart from then on. Prints the new profile's id.",
                "Exit 5 when a record is not in the profile or all of them would leave."})
public final class ProfileSplitCommand extends CliCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The profile to split.")
    private String profileId;

    @Option(names = "--record", required = true, paramLabel = "SOURCE/RECORD_ID",
            converter = SourceRecordKeyConverter.class, description = "A record that leaves; repeat for several.")
    private List<SourceRecordKey> records;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why, for the profile's history (no personal data).")
    private String reason;

    @Override
    public Integer call() {
        SplitProfileRequest request = SplitProfileRequest.newBuilder().setProfileId(profileId)
                .addAllRecords(records).setReason(reason).build();
        SplitProfileResponse response = callProfiles(profiles -> profiles.splitProfile(request));
        out().println("new profile " + response.getNewProfileId() + " (" + records.size() + " records moved from "
                + response.getProfileId() + ")");
        return ExitCodes.OK;
    }
}
