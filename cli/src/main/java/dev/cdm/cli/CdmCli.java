package dev.cdm.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code cdm-cli.jar}: wires the command tree, its output and its error handling. */
public final class CdmCli {

    private CdmCli() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(System.getenv(), out, err, args));
    }

    /** Runs one command line against {@code env} (instead of the process environment) and returns its exit code. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        int exitCode = commandLine(env, out, err).execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CdmCommand(env));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new CliErrorHandler(env.containsKey("CDM_DEBUG")));
        return commandLine;
    }
}
