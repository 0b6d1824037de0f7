package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists rejected records, newest first, with their reasons (never the submitted values).")
public final class RejectsListCommand extends RejectsListing {
}
