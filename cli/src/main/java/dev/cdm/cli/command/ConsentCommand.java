package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "consent", mixinStandardHelpOptions = true,
        description = "Records and reads consent decisions and asks the policy.",
        subcommands = {ConsentSetCommand.class, ConsentGetCommand.class, ConsentCheckCommand.class,
                ConsentDoNotSellCommand.class})
public final class ConsentCommand extends CommandGroup {
}
