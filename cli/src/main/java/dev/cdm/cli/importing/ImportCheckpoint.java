package dev.cdm.cli.importing;

import dev.cdm.cli.output.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How far earlier runs imported a file: every record up to line {@code answeredThrough} got its result. Kept in
 * {@code <data>/imports/} under a name derived from the file's absolute path, size and modification time, so that
 * a changed file starts from the beginning.
 */
final class ImportCheckpoint {

    /** The checkpoint file's content; the identity fields guard against a hash collision or a hand-edited name. */
    record Saved(String file, long size, String modified, long answeredThrough) {
        Saved answered(long line) {
            return new Saved(file, size, modified, line);
        }
    }

    private final Path path;
    private final Saved identity;

    private ImportCheckpoint(Path path, Saved identity) {
        this.path = path;
        this.identity = identity;
    }

    static ImportCheckpoint of(Path dataDir, Path importFile) {
        Path file = importFile.toAbsolutePath().normalize();
        try {
            Saved identity = new Saved(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toString(),
                    0);
            String key = identity.file() + "\n" + identity.size() + "\n" + identity.modified();
            return new ImportCheckpoint(dataDir.resolve("imports").resolve(sha256(key) + ".json"), identity);
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    /** The line every record up to which was answered by an earlier run; 0 when there is none. */
    long answeredThrough() {
        if (!Files.isRegularFile(path)) {
            return 0;
        }
        try {
            Saved saved = Json.MAPPER.readValue(path.toFile(), Saved.class);
            return saved.answered(0).equals(identity) ? saved.answeredThrough() : 0;
        } catch (IOException e) {
            // an unreadable checkpoint only costs a full re-import, which the service answers as unchanged
            return 0;
        }
    }

    void save(long answeredThrough) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Json.MAPPER.writeValue(temporary.toFile(), identity.answered(answeredThrough));
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import checkpoint " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the import checkpoint " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
