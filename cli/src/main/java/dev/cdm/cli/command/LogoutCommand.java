package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.auth.SessionFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Forgets the login: deletes <data>/auth/session.json.")
public final class LogoutCommand extends CliCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean was = SessionFile.in(root().dataDir()).delete();
        out().println(was ? "Logged out." : "Not logged in.");
        return ExitCodes.OK;
    }
}
