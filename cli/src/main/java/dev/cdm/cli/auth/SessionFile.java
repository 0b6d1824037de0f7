package dev.cdm.cli.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code <data>/auth/session.json}: the login's tokens, readable by its owner only (directory 0700, file 0600,
 * created with those modes, never widened), replaced atomically.
 */
public final class SessionFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    private SessionFile(Path path) {
        this.path = path;
    }

    public static SessionFile in(Path dataDir) {
        return new SessionFile(dataDir.resolve("auth").resolve("session.json"));
    }

    public Path path() {
        return path;
    }

    public Optional<Session> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(path.toFile(), Session.class));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILURE, "Cannot read the login " + path + " (" + e.getClass()
                    .getSimpleName() + "); run cdm login again");
        }
    }

    public void write(Session session) {
        try {
            Path dir = path.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path temporary = dir.resolve(path.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                throw new CliFailure(ExitCodes.FAILURE, "Another cdm login is writing " + path);
            }
            MAPPER.writeValue(temporary.toFile(), session);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILURE, "Cannot write the login " + path + ": " + e.getMessage());
        }
    }

    /** Whether there was a login to forget. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILURE, "Cannot delete the login " + path + ": " + e.getMessage());
        }
    }
}
