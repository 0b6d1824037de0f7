package dev.cdm.bench;

import dev.cdm.bench.eventstore.EventStoreBenchmark;
import dev.cdm.bench.febrl.FebrlBenchmark;
import dev.cdm.bench.febrl.FebrlImportBenchmark;
import dev.cdm.bench.platform.ErasureBenchmark;
import dev.cdm.bench.platform.ImportBenchmark;
import dev.cdm.bench.platform.PlatformBenchmark;
import dev.cdm.bench.platform.ReadLatencyBenchmark;
import dev.cdm.bench.replay.ReplayBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code benchmarks/run}: one sub-command per benchmark. */
@Command(name = "benchmarks/run", mixinStandardHelpOptions = true,
        subcommands = {EventStoreBenchmark.class, PlatformBenchmark.class, FebrlBenchmark.class,
                FebrlImportBenchmark.class, ImportBenchmark.class, ErasureBenchmark.class, ReadLatencyBenchmark.class,
                ReplayBenchmark.class},
        description = "CDM benchmarks. They print their numbers (and write them with --json); they never assert "
                + "them. Everything runs on 127.0.0.1 in a fresh temporary data directory that is deleted after.")
public final class BenchMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchMain())
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("Benchmark failed: " + error);
                    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
                        command.getErr().println("  caused by: " + cause);
                    }
                    return 1;
                });
        System.exit(commandLine.execute(args));
    }
}
