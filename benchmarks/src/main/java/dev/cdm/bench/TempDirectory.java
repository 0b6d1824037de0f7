package dev.cdm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A fresh data directory per run, deleted with everything in it afterwards. */
public final class TempDirectory {

    private TempDirectory() {
    }

    /** A new directory {@code cdm-bench-<name>-*} under {@code parent} (the system temp directory if null). */
    public static Path create(Path parent, String name) {
        try {
            Path base = parent != null ? Files.createDirectories(parent)
                    : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, "cdm-bench-" + name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp directory", e);
        }
    }

    /** Deletes {@code directory}, or only says where it is when {@code keep} is set. */
    public static void deleteUnless(boolean keep, Path directory) {
        if (keep) {
            System.err.println("Kept the data directory " + directory);
        } else {
            delete(directory);
        }
    }

    /** Deletes {@code directory} and everything in it; tries again briefly while a stopping process still writes. */
    public static void delete(Path directory) {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(directory);
                return;
            } catch (UncheckedIOException e) {
                if (attempt == 3) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteOnce(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
