package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.Profile;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "as-of", mixinStandardHelpOptions = true,
        description = "Shows a profile as it was at TIME, rebuilt from its events, as the purpose may read it "
                + "(exit 4 if it did not exist yet, 6 if refused).")
public final class ProfileAsOfCommand extends CliCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "Profile id.")
    private String profileId;

    @Parameters(index = "1", paramLabel = "TIME", description = "ISO-8601 instant, e.g. 2026-11-23T18:00:00Z.")
    private Instant asOf;

    @Mixin
    private ReadPurposeOption purpose;

    @Mixin
    private ReadMaskOption fields;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetProfileAsOfRequest request = GetProfileAsOfRequest.newBuilder().setProfileId(profileId)
                .setAsOf(Text.timestamp(asOf))
                .setPurpose(purpose.purpose())
                .setReadMask(fields.mask())
                .build();
        Profile profile = callProfiles(profiles -> profiles.getProfileAsOf(request));
        if (json) {
            Json.print(out(), profile);
        } else {
            ProfileText.print(out(), profile);
        }
        return 0;
    }
}
