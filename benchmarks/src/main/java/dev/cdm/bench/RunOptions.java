package dev.cdm.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every benchmark takes: where its data lives, whether to keep it, and a JSON copy of the results. */
public final class RunOptions {

    @Option(names = "--json", description = "Also write the results as JSON to this file.")
    public Path json;

    @Option(names = "--keep-data", description = "Keep the data directory (logs, stores) for inspection "
            + "instead of deleting it.")
    public boolean keepData;

    @Option(names = "--work-dir", description = "Where to create the temporary data directory "
            + "(default: the system temp directory).")
    public Path workDir;
}
