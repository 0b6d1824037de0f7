package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CdmCli;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.KeycloakBrowser;
import dev.cdm.cli.auth.SessionFile;
import dev.cdm.keycloak.EmbeddedKeycloak;
import dev.cdm.keycloak.KeycloakSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdm login --device} against the real Keycloak with the local realm: the CLI prints where to confirm, a
 * person confirms (or denies) on Keycloak's own pages, and the CLI keeps the confirmed person's session.
 */
class LoginDeviceCommandTest {

    private static final Path HOME = Path.of(System.getProperty("cdm.keycloak.home"));
    private static final Pattern PROMPT = Pattern.compile("\\(or open (\\S+), which carries the code\\)");

    @TempDir
    static Path keycloakData;
    static EmbeddedKeycloak keycloak;

    @TempDir
    Path data;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = EmbeddedKeycloak.start(KeycloakSettings.local(HOME, keycloakData, 0, "test-admin",
                "test-admin-pw"));
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.close();
    }

    @Test
    void aLoginConfirmedInTheBrowser_isKeptAsThatPersonsSession() throws Exception {
        Run run = loginOnDevice(uri -> new KeycloakBrowser().confirm(uri, "officer", "officer"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Logged in as officer at " + keycloak.issuer());
        assertThat(run.lastPage()).contains("Device Login Successful");
        assertThat(SessionFile.in(data).read()).hasValueSatisfying(session -> {
            assertThat(session.user()).isEqualTo("officer");
            assertThat(session.issuer()).isEqualTo(keycloak.issuer());
            assertThat(session.expiresAt()).isAfter(Instant.now());
            assertThat(session.refreshToken()).isNotBlank();
        });
    }

    @Test
    void aLoginDeniedInTheBrowser_isNotAuthorized_andKeepsNoSession() throws Exception {
        Run run = loginOnDevice(uri -> new KeycloakBrowser().deny(uri, "support", "support"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(run.err()).contains("denied");
        assertThat(SessionFile.in(data).read()).isEmpty();
    }

    @Test
    void device_refusesAUserOrPassword_whichOnlyTheBrowserMayAskFor() {
        CliRunner.Result result = new CliRunner(data).run("login", "--device", "--user", "officer",
                "--issuer", keycloak.issuer());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--device", "without --user");
        assertThat(SessionFile.in(data).read()).isEmpty();
    }

    /** Runs {@code cdm login --device} and lets {@code person} act on the URI it prints. */
    private Run loginOnDevice(Function<String, String> person) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> CdmCli.run(
                Map.of("CDM_HOME", data.toString()), new PrintWriter(out, true), new PrintWriter(err, true),
                "login", "--device", "--issuer", keycloak.issuer(), "--data", data.toString()));
        Matcher prompt = awaitPrompt(out, login);
        String lastPage = person.apply(prompt.group(1));
        try {
            return new Run(login.get(30, TimeUnit.SECONDS), out.toString(), err.toString(), lastPage);
        } catch (TimeoutException stillWaiting) {
            login.cancel(true);
            throw new AssertionError("cdm login --device still waits; the browser's last page:\n" + lastPage);
        }
    }

    private static Matcher awaitPrompt(StringWriter out, CompletableFuture<Integer> login) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !login.isDone()) {
            Matcher prompt = PROMPT.matcher(out.toString());
            if (prompt.find()) {
                return prompt;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("cdm login --device printed no code: " + out);
    }

    private record Run(int exitCode, String out, String err, String lastPage) {
    }
}
