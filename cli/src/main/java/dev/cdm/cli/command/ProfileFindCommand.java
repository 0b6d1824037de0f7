package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Table;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "find", mixinStandardHelpOptions = true,
        description = "Lists the profiles holding an email or a phone number (exit 4 when there are none).")
public final class ProfileFindCommand extends CliCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Identifier identifier;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    static final class Identifier {
        @Option(names = "--email", paramLabel = "E", required = true)
        String email;

        @Option(names = "--phone", paramLabel = "P", required = true)
        String phone;
    }

    @Override
    public Integer call() {
        FindProfilesRequest request = identifier.email != null
                ? FindProfilesRequest.newBuilder().setEmail(identifier.email).build()
                : FindProfilesRequest.newBuilder().setPhone(identifier.phone).build();
        FindProfilesResponse response = callProfiles(profiles -> profiles.findProfiles(request));
        if (json) {
            Json.print(out(), response);
        } else if (response.getProfilesCount() == 0) {
            spec.commandLine().getErr().println("No profile holds " + describe());
        } else {
            printTable(response);
        }
        return response.getProfilesCount() == 0 ? ExitCodes.NOT_FOUND : ExitCodes.OK;
    }

    private void printTable(FindProfilesResponse response) {
        Table table = new Table("PROFILE ID", "NAME", "EMAIL", "PHONE", "COUNTRY", "RECORDS");
        for (Profile profile : response.getProfilesList()) {
            table.row(profile.getProfileId(),
                    (profile.getPerson().getFirstName() + " " + profile.getPerson().getLastName()).trim(),
                    profile.getPerson().getEmail(), profile.getPerson().getPhone(), profile.getPerson().getCountry(),
                    profile.getSourceRecordsCount());
        }
        table.print(out());
    }

    private String describe() {
        return identifier.email != null ? "email " + identifier.email : "phone " + identifier.phone;
    }
}
