package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "consent", mixinStandardHelpOptions = true, description = "Records and reads consent decisions.",
        subcommands = {ConsentSetCommand.class, ConsentGetCommand.class})
public final class ConsentCommand extends CommandGroup {
}
