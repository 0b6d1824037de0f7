package dev.cdm.cli.command;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --fields}: the fields of a profile to read (a read mask); the others come back empty and go unaudited. */
final class ReadMaskOption {

    @Option(names = "--fields", split = ",", paramLabel = "PATH",
            description = {"Read only these fields (comma-separated paths of cdm.v1.Profile, e.g. "
                    + "person.email,person.first_name,version, or source_records); default: every field.",
                    "The audit entry then names only the person fields asked for."})
    private List<String> paths = new ArrayList<>();

    FieldMask mask() {
        return FieldMask.newBuilder().addAllPaths(paths.stream().map(String::strip).toList()).build();
    }
}
