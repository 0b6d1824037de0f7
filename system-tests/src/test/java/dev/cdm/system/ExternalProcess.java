package dev.cdm.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line as a user would and captures what it prints. */
record ExternalProcess(int exitCode, String stdout, String stderr) {

    static ExternalProcess run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cdm-out", ".txt");
        Path err = Files.createTempFile("cdm-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        return new ExternalProcess(process.exitValue(), stdout, stderr);
    }
}
