package dev.cdm.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void normalizeEmail_lowercasesAndTrims() {
        assertThat(Identifiers.normalizeEmail("  Ivan.Volkov@Mail.RU ")).isEqualTo("ivan.volkov@mail.ru");
    }

    @Test
    void normalizeEmail_foldsCompatibilityCharacters() {
        assertThat(Identifiers.normalizeEmail("ｉｖａｎ@mail.ru")).isEqualTo("ivan@mail.ru");
    }

    @Test
    void normalizePhone_readsNationalFormat_inTheRecordsRegion() {
        assertThat(Identifiers.normalizePhone("8 (916) 123-45-67", "ru")).contains("+79161234567");
        assertThat(Identifiers.normalizePhone("(202) 456-1414", "US")).contains("+12024561414");
        assertThat(Identifiers.normalizePhone("(312) 555-0199", "US")).contains("+13125550199");
        assertThat(Identifiers.normalizePhone("(312) 846-7000", "us")).contains("+13128467000");
        assertThat(Identifiers.normalizePhone("8 943 776-70-77", "RU")).contains("+79437767077");
        assertThat(Identifiers.normalizePhone("+7 (943) 776 7077", "RU")).contains("+79437767077");
        assertThat(Identifiers.normalizePhone("0039 06 6988 4857", "IT")).contains("+390669884857");
        assertThat(Identifiers.normalizePhone("06 6988 4857", "IT")).contains("+390669884857");
        assertThat(Identifiers.normalizePhone("020 7946 0958", "GB")).contains("+442079460958");
        assertThat(Identifiers.normalizePhone("+44 (0)20 7946 0958", null)).contains("+442079460958");
    }

    @Test
    void normalizePhone_readsInternationalFormat_withoutRegion() {
        assertThat(Identifiers.normalizePhone("+49 30 901820", null)).contains("+4930901820");
    }

    @Test
    void normalizePhone_isEmpty_forGarbage() {
        assertThat(Identifiers.normalizePhone("not a phone", "DE")).isEmpty();
        assertThat(Identifiers.normalizePhone("123", null)).isEmpty();
    }
}
