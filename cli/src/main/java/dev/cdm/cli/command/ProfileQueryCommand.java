package dev.cdm.cli.command;

import com.google.protobuf.MessageOrBuilder;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A read of one profile by id from profile-service, printed as text or, with {@code --json}, as JSON. */
abstract class ProfileQueryCommand<T extends MessageOrBuilder> extends CliCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Profile id.")
    private String profileId;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    abstract T query(ProfileServiceBlockingStub profiles, String profileId);

    abstract void printText(PrintWriter out, T answer);

    @Override
    public Integer call() {
        T answer = callProfiles(profiles -> query(profiles, profileId));
        if (json) {
            Json.print(out(), answer);
        } else {
            printText(out(), answer);
        }
        return ExitCodes.OK;
    }
}
