package dev.cdm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process, as {@code cdm --data <dataDir> args...}, and captures what it printed. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
    }

    private final Path dataDir;

    public CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(dataDir.toString());
        int exitCode = CdmCli.run(Map.of("CDM_HOME", dataDir.toString()), new PrintWriter(out), new PrintWriter(err),
                arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
