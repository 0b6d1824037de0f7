package dev.cdm.kernel.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES master key held in memory, given as base64 by the environment or a mounted file. Its id is derived
 * from a hash of the key, so the key itself never appears next to what it wraps.
 */
public final class LocalMasterKey implements MasterKey {

    static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final String id;

    LocalMasterKey(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("The master key must be " + KEY_BYTES + " bytes (base64 of 256 bits),"
                    + " not " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.id = "local-" + HexFormat.of().formatHex(sha256(keyBytes), 0, 8);
    }

    /** A fresh random key, for processes whose data lives no longer than they do (tests, offline tools). */
    public static LocalMasterKey generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new LocalMasterKey(key);
    }

    /** Reads the key from base64 text (surrounding white space ignored). */
    public static LocalMasterKey fromBase64(String base64) {
        try {
            return new LocalMasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key is not valid base64 of 32 bytes: " + e.getMessage());
        }
    }

    public static LocalMasterKey fromFile(Path file) {
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master key file " + file, e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyId) {
        return AesGcm.encrypt(key, dataKey, keyId);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, String keyId) {
        return AesGcm.decrypt(key, wrappedKey, keyId);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
