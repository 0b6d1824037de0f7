package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Reads unified customer profiles, explains and splits them.",
        subcommands = {ProfileGetCommand.class, ProfileFindCommand.class, ProfileSearchCommand.class,
                ProfileHistoryCommand.class, ProfileAsOfCommand.class, ProfileExplainCommand.class,
                ProfileSplitCommand.class})
public final class ProfileCommand extends CommandGroup {
}
