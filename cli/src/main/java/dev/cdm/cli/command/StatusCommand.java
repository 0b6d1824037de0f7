package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows every process, endpoint and its readiness.",
                "Exit code 0 when everything is up and ready, 3 otherwise."})
public final class StatusCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        PlatformStatus status = platform(line -> { }).status();
        if (json) {
            Json.print(out(), status);
        } else if (status.stores() == null) {
            out().println("CDM is not running (data " + status.dataDir() + ").");
        } else {
            EndpointTable.print(out(), status);
            out().println(status.ready() ? "CDM is up."
                    : "CDM is not fully up; logs are in " + status.dataDir() + "/logs");
        }
        return status.ready() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
