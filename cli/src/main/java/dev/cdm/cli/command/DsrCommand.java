package dev.cdm.cli.command;

import picocli.CommandLine.Command;

@Command(name = "dsr", mixinStandardHelpOptions = true,
        description = "Data-subject requests for compliance officers: erasure, restriction, export, rectification,"
                + " legal holds, their status, deadlines and audit trail.",
        subcommands = {DsrEraseCommand.class, DsrRestrictCommand.class, DsrLiftCommand.class, DsrExportCommand.class,
                DsrRectifyCommand.class, DsrHoldCommand.class, DsrReleaseCommand.class, DsrStatusCommand.class,
                DsrListCommand.class, DsrCertificateCommand.class})
public final class DsrCommand extends CommandGroup {
}
