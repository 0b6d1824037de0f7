package dev.cdm.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.grpc.ServerTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateTest {

    @TempDir
    Path data;

    @Test
    void isMadeOnce_inTheDataDir_withItsPasswordReadableByTheOwnerOnly() throws IOException {
        LocalCertificate made = LocalCertificate.in(data).ensure();
        String pem = Files.readString(made.certificate());

        LocalCertificate again = LocalCertificate.in(data).ensure();

        assertThat(made.keyStore()).startsWith(data.resolve("tls")).isRegularFile();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(again.certificate())).isEqualTo(pem);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.passwordFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tls"))))
                .isEqualTo("rwx------");
        assertThat(made.password()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(LocalCertificate.in(
                Files.createDirectory(data.resolve("other"))).ensure().password());
        assertThat(ServerTrust.trusting(made.certificate()).tls()).isTrue();
    }

    @Test
    void isMadeAgain_whenItsCertificateIsGone() throws IOException {
        LocalCertificate made = LocalCertificate.in(data).ensure();
        String pem = Files.readString(made.certificate());
        Files.delete(made.certificate());

        LocalCertificate.in(data).ensure();

        assertThat(Files.readString(made.certificate())).startsWith("-----BEGIN CERTIFICATE-----").isNotEqualTo(pem);
    }
}
