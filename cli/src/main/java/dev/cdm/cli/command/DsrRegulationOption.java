package dev.cdm.cli.command;

import dev.cdm.proto.v1.Regulation;
import picocli.CommandLine.Option;

/** The law a request is made under: it sets the request's deadline. */
final class DsrRegulationOption {

    @Option(names = "--regulation", paramLabel = "LAW", defaultValue = "gdpr",
            converter = KebabEnumConverter.RegulationConverter.class,
            completionCandidates = KebabEnumConverter.Regulations.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: 30 days; ccpa: 45 days).")
    private Regulation regulation;

    Regulation regulation() {
        return regulation;
    }
}
