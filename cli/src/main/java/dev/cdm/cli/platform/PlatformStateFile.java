package dev.cdm.cli.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and writes {@code <data>/run/platform.json}; writes replace the file atomically. */
public final class PlatformStateFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    private PlatformStateFile(Path path) {
        this.path = path;
    }

    public static PlatformStateFile in(Path dataDir) {
        return new PlatformStateFile(dataDir.resolve("run").resolve("platform.json"));
    }

    public Path path() {
        return path;
    }

    public Optional<PlatformState> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(path.toFile(), PlatformState.class));
        } catch (IOException e) {
            throw new PlatformException("Cannot read the state file " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(PlatformState state) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            MAPPER.writeValue(temporary.toFile(), state);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlatformException("Cannot write the state file " + path + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new PlatformException("Cannot delete the state file " + path + ": " + e.getMessage(), e);
        }
    }
}
