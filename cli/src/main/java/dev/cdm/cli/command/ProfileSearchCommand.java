package dev.cdm.cli.command;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.SearchProfilesRequest;
import dev.cdm.proto.v1.SearchProfilesResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Lists one page of the profiles, among those the purpose may read, whose given name, family "
                + "name or \"given family\" starts with a prefix (case, accents and script ignored: mul finds "
                + "Müller, vol finds Волков), and/or that live in a country; ordered by family name, given name "
                + "and id.",
                "Prints the token of the next page, if any (exit 4 when nothing is found)."})
public final class ProfileSearchCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--name", paramLabel = "PREFIX", description = "The start of the name, e.g. mül or \"anna s\".")
    private String name = "";

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code, e.g. DE.")
    private String country = "";

    @Mixin
    private ReadPurposeOption purpose;

    @Mixin
    private ReadMaskOption fields;

    @Option(names = "--page-size", paramLabel = "N", description = "Profiles per page, 1..100 (default 20).")
    private int pageSize;

    @Option(names = "--page-token", paramLabel = "T", description = "Continue where the previous page ended: its "
            + "token, with the same --name and --country.")
    private String pageToken = "";

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        if (name.isBlank() && country.isBlank()) {
            throw new CliFailure(ExitCodes.USAGE, "Give --name, --country or both");
        }
        SearchProfilesRequest request = SearchProfilesRequest.newBuilder().setNamePrefix(name).setCountry(country)
                .setPageSize(pageSize).setPageToken(pageToken).setPurpose(purpose.purpose())
                .setReadMask(fields.mask()).build();
        SearchProfilesResponse response = callProfiles(profiles -> profiles.searchProfiles(request));
        boolean nothing = response.getProfilesCount() == 0 && response.getNextPageToken().isEmpty();
        if (json) {
            Json.print(out(), response);
        } else if (nothing) {
            err().println("No profile matches that may be read for " + purpose.name());
        } else {
            ProfileListing.print(out(), response.getProfilesList());
            if (!response.getNextPageToken().isEmpty()) {
                out().println("Next page: --page-token " + response.getNextPageToken());
            }
        }
        return nothing ? ExitCodes.NOT_FOUND : ExitCodes.OK;
    }
}
