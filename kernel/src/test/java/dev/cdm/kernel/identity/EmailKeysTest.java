package dev.cdm.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailKeysTest {

    @Test
    void matchKey_dropsDotsAndTag_forGmail() {
        assertThat(EmailKeys.matchKey("ivan.volkov+shop@gmail.com")).isEqualTo("ivanvolkov@gmail.com");
        assertThat(EmailKeys.matchKey("i.v.a.n.volkov@gmail.com")).isEqualTo("ivanvolkov@gmail.com");
    }

    @Test
    void matchKey_mapsGooglemailToGmail() {
        assertThat(EmailKeys.matchKey("ivan.volkov+news@googlemail.com")).isEqualTo("ivanvolkov@gmail.com");
        assertThat(EmailKeys.matchKey("ivanvolkov@googlemail.com"))
                .isEqualTo(EmailKeys.matchKey("ivan.volkov@gmail.com"));
    }

    @Test
    void matchKey_dropsOnlyTheFirstTagOnwards_forGmail() {
        assertThat(EmailKeys.matchKey("anna+a+b@gmail.com")).isEqualTo("anna@gmail.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
        "fastmail.com", "fastmail.fm", "proton.me", "protonmail.com", "pm.me"})
    void matchKey_dropsTagButKeepsDots_forPlusAddressingProviders(String domain) {
        assertThat(EmailKeys.matchKey("anna.schmidt+shop@" + domain)).isEqualTo("anna.schmidt@" + domain);
    }

    @Test
    void matchKey_keepsDomainsApart_forMicrosoftDomains() {
        assertThat(EmailKeys.matchKey("anna+x@hotmail.com")).isNotEqualTo(EmailKeys.matchKey("anna@outlook.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.schmidt+shop@yahoo.com", "anna-shop@yahoo.com", "ivan.volkov+1@mail.ru",
        "max.mustermann+news@web.de", "a.b+c@example.com", "anna.schmidt@gmail.co.uk"})
    void matchKey_leavesAddressUnchanged_forOtherDomains(String email) {
        assertThat(EmailKeys.matchKey(email)).isEqualTo(email);
    }

    @Test
    void matchKey_leavesAddressUnchanged_whenNoTagOrDots() {
        assertThat(EmailKeys.matchKey("anna@gmail.com")).isEqualTo("anna@gmail.com");
        assertThat(EmailKeys.matchKey("anna@outlook.com")).isEqualTo("anna@outlook.com");
    }

    @Test
    void matchKey_keepsAddressAsGiven_whenLocalPartWouldBeEmpty() {
        assertThat(EmailKeys.matchKey("+news@gmail.com")).isEqualTo("+news@gmail.com");
        assertThat(EmailKeys.matchKey("...@gmail.com")).isEqualTo("...@gmail.com");
        assertThat(EmailKeys.matchKey("+tag@icloud.com")).isEqualTo("+tag@icloud.com");
    }

    @Test
    void matchKey_leavesInputUnchanged_whenThereIsNoLocalPart() {
        assertThat(EmailKeys.matchKey("not-an-email")).isEqualTo("not-an-email");
        assertThat(EmailKeys.matchKey("@gmail.com")).isEqualTo("@gmail.com");
    }

    @Test
    void matchKey_composesWithNormalizeEmail() {
        String normalized = Identifiers.normalizeEmail("  Ivan.Volkov+Shop@GoogleMail.COM ");

        assertThat(EmailKeys.matchKey(normalized)).isEqualTo("ivanvolkov@gmail.com");
    }
}
