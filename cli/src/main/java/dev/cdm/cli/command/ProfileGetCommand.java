package dev.cdm.cli.command;

import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one profile by id (exit 4 if unknown).")
public final class ProfileGetCommand extends ProfileQueryCommand<Profile> {

    @Override
    Profile query(ProfileServiceBlockingStub profiles, String profileId) {
        return profiles.getProfile(GetProfileRequest.newBuilder().setProfileId(profileId).build());
    }

    @Override
    void printText(PrintWriter out, Profile profile) {
        ProfileText.print(out, profile);
    }
}
