package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "analytics", mixinStandardHelpOptions = true, description = "Reads aggregate numbers.",
        subcommands = AnalyticsCountsCommand.class)
public final class AnalyticsCommand extends CommandGroup {
}
