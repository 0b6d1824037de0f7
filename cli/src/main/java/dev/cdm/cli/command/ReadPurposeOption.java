package dev.cdm.cli.command;

import dev.cdm.cli.output.EnumNames;
import dev.cdm.proto.v1.ReadPurpose;
import java.util.Iterator;
import picocli.CommandLine.Option;

/** {@code --purpose}: why a profile is read, which profile-service requires on every read of personal data. */
final class ReadPurposeOption {

    @Option(names = "--purpose", required = true, paramLabel = "PURPOSE", converter = Converter.class,
            completionCandidates = Candidates.class,
            description = {"Why the profile is read (${COMPLETION-CANDIDATES}); the access policy decides what "
                    + "comes back.",
                    "support: serving the customer, not while processing is restricted;",
                    "marketing: only with marketing consent, and only the consented channels (e-mail, phone);",
                    "analytics: only with analytics consent;",
                    "compliance: for compliance officers, also restricted profiles."})
    private ReadPurpose purpose;

    ReadPurpose purpose() {
        return purpose;
    }

    /** The purpose as typed on the command line, e.g. {@code marketing}. */
    String name() {
        return EnumNames.kebab(purpose);
    }

    static final class Converter extends KebabEnumConverter<ReadPurpose> {
        Converter() {
            super(ReadPurpose.class);
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return EnumNames.names(ReadPurpose.class).iterator();
        }
    }
}
