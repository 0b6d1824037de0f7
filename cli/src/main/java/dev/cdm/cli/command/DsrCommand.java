package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "dsr", mixinStandardHelpOptions = true,
        description = "Data-subject requests for compliance officers: erasure, its status and its certificate.",
        subcommands = {DsrEraseCommand.class, DsrStatusCommand.class, DsrCertificateCommand.class})
public final class DsrCommand extends CommandGroup {
}
