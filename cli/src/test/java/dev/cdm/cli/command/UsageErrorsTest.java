package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageErrorsTest {

    @TempDir
    Path data;

    @Test
    void ingest_exitsWithUsage_whenSourceIsMissing() {
        Result result = new CliRunner(data).run("ingest", "--id", "42");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required option: '--source=S'")
                .contains("Try 'cdm ingest --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void profileFind_exitsWithUsage_whenBothEmailAndPhoneAreGiven() {
        Result result = new CliRunner(data).run("profile", "find", "--email", "a@example.com", "--phone", "+491",
                "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--email=E, --phone=P are mutually exclusive");
    }

    @Test
    void profileFind_exitsWithUsage_whenNoIdentifierIsGiven() {
        Result result = new CliRunner(data).run("profile", "find", "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required argument")
                .contains("(--email=E | --phone=P | --external-id=TYPE=VALUE | --record=SOURCE/RECORD_ID)");
    }

    @Test
    void profileGet_exitsWithUsage_namingPurpose_whenPurposeIsMissing() {
        Result result = new CliRunner(data).run("profile", "get", "p-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required option: '--purpose=PURPOSE'")
                .contains("Try 'cdm profile get --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void profileFind_exitsWithUsage_namingPurpose_whenPurposeIsMissing() {
        Result result = new CliRunner(data).run("profile", "find", "--email", "a@example.com");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required option: '--purpose=PURPOSE'");
    }

    @Test
    void profileGet_exitsWithUsage_listingTheValidPurposes_whenPurposeIsUnknown() {
        Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "gossip");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--purpose")
                .contains("'gossip' is not one of [support, marketing, analytics, compliance]");
    }

    @Test
    void profileGet_helpDescribesEachPurpose() {
        Result result = new CliRunner(data).run("profile", "get", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--purpose=PURPOSE", "the access policy decides",
                "support: serving the customer", "marketing: only with marketing consent",
                "analytics: only with analytics consent", "compliance: for compliance officers");
    }

    @Test
    void consentSet_exitsWithUsage_namingTheValidPurposes_whenPurposeIsUnknown() {
        Result result = new CliRunner(data).run("consent", "set", "--subject", "p1", "--purpose", "spam",
                "--status", "granted");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--purpose").contains("'spam' is not one of")
                .contains("marketing-email");
    }

    @Test
    void replay_exitsWithUsage_whenNeitherProjectionNorAllIsGiven() {
        Result result = new CliRunner(data).run("replay");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Specify either a PROJECTION or --all");
    }

    @Test
    void profile_exitsWithUsage_whenSubcommandIsMissing() {
        Result result = new CliRunner(data).run("profile");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required subcommand of 'profile'");
    }

    @Test
    void help_describesEveryCommand_andExitsZero() {
        Result result = new CliRunner(data).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("up", "down", "status", "ingest", "import", "rejects", "export-links",
                "profile", "consent", "analytics", "replay");
    }
}
