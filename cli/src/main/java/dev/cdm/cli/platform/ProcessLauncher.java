package dev.cdm.cli.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a java process whose output goes to a log file, so that it outlives the CLI that started it. */
final class ProcessLauncher {

    /** A new session detaches the child from the terminal: closing it or Ctrl-C later does not reach it. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path workingDirectory;
    private final List<String> javaOptions;

    ProcessLauncher(Path workingDirectory, List<String> javaOptions) {
        this.workingDirectory = workingDirectory;
        this.javaOptions = List.copyOf(javaOptions);
    }

    Process startJar(Path jar, List<String> arguments, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new PlatformException("Could not start " + jar + ": " + e.getMessage(), e);
        }
    }
}
