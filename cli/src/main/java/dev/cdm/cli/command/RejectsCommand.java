package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "rejects", mixinStandardHelpOptions = true,
        description = {"Lists rejected records, newest first, with their reasons (as 'rejects list'), or runs them "
                + "through ingestion again ('rejects resubmit')."},
        subcommands = {RejectsListCommand.class, RejectsResubmitCommand.class})
public final class RejectsCommand extends RejectsListing {
}
