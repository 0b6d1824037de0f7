package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "profile", mixinStandardHelpOptions = true, description = "Reads unified customer profiles.",
        subcommands = {ProfileGetCommand.class, ProfileFindCommand.class})
public final class ProfileCommand extends CommandGroup {
}
