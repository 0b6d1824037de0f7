package dev.cdm.cli.importing;

import dev.cdm.proto.v1.InvalidFieldPolicy;
import java.nio.file.Path;

/** What to import and how: the file, its format and mapping, the invalid-field policy and the window size. */
public record ImportSettings(Path file, SourceFormat format, RecordMapping mapping, InvalidFieldPolicy invalidFields,
                             int window) {
}
