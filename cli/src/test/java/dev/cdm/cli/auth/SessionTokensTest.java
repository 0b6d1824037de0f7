package dev.cdm.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void theLogin_isKeptReadableByItsOwnerOnly() throws Exception {
        SessionFile file = SessionFile.in(data);
        file.write(session(NOW.plusSeconds(300), null));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent())))
                .isEqualTo("rwx------");
        assertThat(file.read()).contains(session(NOW.plusSeconds(300), null));
    }

    @Test
    void aFreshToken_isSentAsItIs() {
        SessionFile.in(data).write(session(NOW.plusSeconds(300), null));

        assertThat(new SessionTokens(SessionFile.in(data), CLOCK).accessToken()).contains("access-1");
    }

    @Test
    void withoutLogin_noTokenIsSent() {
        assertThat(new SessionTokens(SessionFile.in(data), CLOCK).accessToken()).isEmpty();
    }

    @Test
    void anExpiredLoginThatCannotBeRefreshed_asksToLogInAgain() {
        SessionFile.in(data).write(session(NOW.plusSeconds(10), NOW.minusSeconds(1)));

        CliFailure failure = catchThrowableOfType(CliFailure.class,
                () -> new SessionTokens(SessionFile.in(data), CLOCK).accessToken());

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("officer", "cdm login").doesNotContain("access-1", "refresh-1");
    }

    @Test
    void aSessionNeverShowsItsTokens() {
        assertThat(session(NOW, NOW).toString()).doesNotContain("access-1", "refresh-1");
    }

    private static Session session(Instant expiresAt, Instant refreshExpiresAt) {
        return new Session("http://127.0.0.1:8180/realms/cdm", Login.CLIENT_ID, "officer", "access-1", expiresAt,
                refreshExpiresAt == null ? null : "refresh-1", refreshExpiresAt);
    }
}
