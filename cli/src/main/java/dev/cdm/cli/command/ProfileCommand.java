package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "profile", mixinStandardHelpOptions = true, description = "Reads unified customer profiles.",
        subcommands = {ProfileGetCommand.class, ProfileFindCommand.class, ProfileHistoryCommand.class,
                ProfileAsOfCommand.class})
public final class ProfileCommand extends CommandGroup {
}
