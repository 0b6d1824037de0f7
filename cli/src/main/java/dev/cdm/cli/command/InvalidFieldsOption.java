package dev.cdm.cli.command;

import dev.cdm.proto.v1.InvalidFieldPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --invalid-fields reject|drop}: what ingestion does with a record whose fields fail validation. */
final class InvalidFieldsOption {

    @Option(names = "--invalid-fields", paramLabel = "reject|drop", converter = Converter.class,
            description = "reject (default): such a record is rejected; drop: it is accepted without the invalid "
                    + "fields, whose values are kept flagged and never used for matching.")
    private InvalidFieldPolicy policy = InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD;

    InvalidFieldPolicy policy() {
        return policy;
    }

    static final class Converter implements ITypeConverter<InvalidFieldPolicy> {
        @Override
        public InvalidFieldPolicy convert(String value) {
            return switch (value) {
                case "reject" -> InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD;
                case "drop" -> InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD;
                default -> throw new TypeConversionException("'" + value + "' is not one of [reject, drop]");
            };
        }
    }
}
