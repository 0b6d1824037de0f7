package dev.cdm.cli.command;

import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows one profile by id, as the purpose may read it (exit 4 if unknown, 6 if refused).")
public final class ProfileGetCommand extends ProfileQueryCommand<Profile> {

    @Mixin
    private ReadPurposeOption purpose;

    @Mixin
    private ReadMaskOption fields;

    @Override
    Profile query(ProfileServiceBlockingStub profiles, String profileId) {
        return profiles.getProfile(GetProfileRequest.newBuilder().setProfileId(profileId)
                .setPurpose(purpose.purpose()).setReadMask(fields.mask()).build());
    }

    @Override
    void printText(PrintWriter out, Profile profile) {
        ProfileText.print(out, profile);
    }
}
