package dev.cdm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's keytool: a PKCS12 key
 * store for a server and the certificate as PEM for the clients that trust it. For tests only.
 */
public record SelfSignedCertificate(Path keyStore, String password, Path certificate) {

    /** Creates one in {@code dir}, valid for two days. */
    public static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
        SelfSignedCertificate made = new SelfSignedCertificate(dir.resolve("localhost.p12"), "local-test-only",
                dir.resolve("localhost.pem"));
        keytool("-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", made.keyStore.toString(), "-storepass", made.password);
        keytool("-exportcert", "-rfc", "-alias", "localhost", "-keystore", made.keyStore.toString(), "-storepass",
                made.password, "-file", made.certificate.toString());
        return made;
    }

    /** The key store's key managers, for a server such as grpc's {@code TlsServerCredentials}. */
    public KeyManagerFactory keyManagers() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, password.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password.toCharArray());
        return managers;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
