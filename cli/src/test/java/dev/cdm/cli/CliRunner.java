package dev.cdm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process, as {@code cdm --data <dataDir> args...}, and captures what it printed. */
public final class CliRunner {

    public record Result(int exitCode, String out, String err) {
    }

    private final Path dataDir;
    private final Map<String, String> env;

    public CliRunner(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** A CLI that also sees {@code env} as its environment (beside CDM_HOME, the data dir). */
    public CliRunner(Path dataDir, Map<String, String> env) {
        this.dataDir = dataDir;
        this.env = new HashMap<>(env);
        this.env.put("CDM_HOME", dataDir.toString());
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(dataDir.toString());
        int exitCode = CdmCli.run(Map.copyOf(env), new PrintWriter(out), new PrintWriter(err),
                arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
