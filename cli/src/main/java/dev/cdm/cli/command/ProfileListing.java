package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.proto.v1.Profile;
import java.io.PrintWriter;
import java.util.List;

/** Profiles as the text output of {@code profile find} and {@code profile search} lists them: one row each. */
final class ProfileListing {

    private ProfileListing() {
    }

    static void print(PrintWriter out, List<Profile> profiles) {
        Table table = new Table("PROFILE ID", "NAME", "EMAIL", "PHONE", "COUNTRY", "RECORDS");
        for (Profile profile : profiles) {
            table.row(profile.getProfileId(),
                    (profile.getPerson().getFirstName() + " " + profile.getPerson().getLastName()).trim(),
                    profile.getPerson().getEmail(), profile.getPerson().getPhone(), profile.getPerson().getCountry(),
                    profile.getSourceRecordsCount());
        }
        table.print(out);
    }
}
