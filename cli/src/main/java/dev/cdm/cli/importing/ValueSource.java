package dev.cdm.cli.importing;

import java.util.List;
import java.util.stream.Collectors;

/** Where one value of a source record comes from: a column, a constant, or several of them joined. */
sealed interface ValueSource {

    String valueIn(SourceRow row);

    /** The columns it reads. */
    List<String> columns();

    record Column(String name) implements ValueSource {
        @Override
        public String valueIn(SourceRow row) {
            return row.value(name);
        }

        @Override
        public List<String> columns() {
            return List.of(name);
        }
    }

    record Constant(String value) implements ValueSource {
        @Override
        public String valueIn(SourceRow row) {
            return value;
        }

        @Override
        public List<String> columns() {
            return List.of();
        }
    }

    /** The parts' values joined by the separator, blank ones left out (so no doubled or dangling separators). */
    record Joined(List<ValueSource> parts, String separator) implements ValueSource {
        @Override
        public String valueIn(SourceRow row) {
            return parts.stream().map(part -> part.valueIn(row)).filter(value -> !value.isBlank())
                    .collect(Collectors.joining(separator));
        }

        @Override
        public List<String> columns() {
            return parts.stream().flatMap(part -> part.columns().stream()).toList();
        }
    }
}
