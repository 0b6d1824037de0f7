package dev.cdm.cli.importing;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code cdm import} reads: known by the file's extension or named with {@code --format}. */
public enum SourceFormat {
    CSV,
    JSONL;

    /** {@code csv}, {@code jsonl} or {@code ndjson}, in any case. */
    public static Optional<SourceFormat> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    public static Optional<SourceFormat> of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : named(name.substring(dot + 1));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
