package dev.cdm.stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stand-in for a KMS: one master key (base64 of 32 random bytes) in a file that only its owner can read,
 * created on the first start and kept with the data it protects. Deleting it makes every stored personal value
 * unreadable, as destroying a KMS key would.
 */
final class LocalMasterKeyFile {

    static final String RELATIVE_PATH = "kms/master.key";

    private LocalMasterKeyFile() {
    }

    static Path ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(RELATIVE_PATH);
        if (Files.exists(file)) {
            return file;
        }
        Path directory = Files.createDirectories(file.getParent());
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // another start created it first: use that one
        }
        return file;
    }
}
