package dev.cdm.cli.command;

import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one profile by id (exit 4 if unknown).")
public final class ProfileGetCommand extends CliCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Profile id.")
    private String profileId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        GetProfileRequest request = GetProfileRequest.newBuilder().setProfileId(profileId).build();
        Profile profile = callProfiles(profiles -> profiles.getProfile(request));
        if (json) {
            Json.print(out(), profile);
        } else {
            ProfileText.print(out(), profile);
        }
        return 0;
    }
}
