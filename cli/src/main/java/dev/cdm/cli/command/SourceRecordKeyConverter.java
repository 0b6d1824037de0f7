package dev.cdm.cli.command;

import dev.cdm.proto.v1.SourceRecordKey;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code SOURCE/RECORD_ID}, split at the first slash (record ids may hold slashes, source names do not). */
final class SourceRecordKeyConverter implements ITypeConverter<SourceRecordKey> {

    @Override
    public SourceRecordKey convert(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw new TypeConversionException("'" + value + "' is not SOURCE/RECORD_ID");
        }
        return SourceRecordKey.newBuilder().setSource(value.substring(0, slash))
                .setSourceRecordId(value.substring(slash + 1)).build();
    }
}
