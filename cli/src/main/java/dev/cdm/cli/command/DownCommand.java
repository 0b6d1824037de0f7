package dev.cdm.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops the services, then the stores (SIGTERM; SIGKILL after 30 s), and removes the state.")
public final class DownCommand extends CliCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean wasRunning = platform(line -> { }).down();
        out().println(wasRunning ? "CDM stopped." : "CDM is not running (data " + root().dataDir() + ").");
        return 0;
    }
}
