package dev.cdm.cli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The self-signed certificate of a local platform started with {@code cdm up --tls}, for {@code localhost} and
 * {@code 127.0.0.1}: a PKCS12 key store the services serve with (its random password in a file beside it, mode
 * 0600) and the certificate as PEM, which peers and the CLI trust. Made by the JDK's keytool in
 * {@code <data>/tls/} on first use and again when it is about to expire. Local use only: it proves nothing about
 * who runs the server.
 */
public record LocalCertificate(Path keyStore, Path passwordFile, Path certificate) {

    static final int VALIDITY_DAYS = 365;
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    public static LocalCertificate in(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        return new LocalCertificate(dir.resolve("local.p12"), dir.resolve("local.p12.password"),
                dir.resolve("local.pem"));
    }

    /** This certificate, made now unless a valid one is already there. */
    public LocalCertificate ensure() {
        if (Files.exists(keyStore) && Files.exists(passwordFile) && validFor(RENEW_BEFORE)) {
            return this;
        }
        try {
            Path dir = keyStore.getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            for (Path old : List.of(keyStore, passwordFile, certificate)) {
                Files.deleteIfExists(old);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            keytool("-genkeypair", "-alias", "cdm-local", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", String.valueOf(VALIDITY_DAYS), "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass:file", passwordFile.toString());
            keytool("-exportcert", "-rfc", "-alias", "cdm-local", "-keystore", keyStore.toString(),
                    "-storepass:file", passwordFile.toString(), "-file", certificate.toString());
            Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-------"));
            return this;
        } catch (IOException e) {
            throw new PlatformException("Could not make the local TLS certificate in " + keyStore.getParent()
                    + ": " + e.getMessage());
        }
    }

    /** The key store's password, for the services' {@code QUARKUS_TLS_KEY_STORE_P12_PASSWORD}. */
    public String password() {
        try {
            return Files.readString(passwordFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean validFor(Duration margin) {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate made = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            made.checkValidity(Date.from(Instant.now().plus(margin)));
            return true;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran");
        }
    }
}
