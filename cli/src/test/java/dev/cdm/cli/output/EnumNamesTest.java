package dev.cdm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.LegalBasis;
import dev.cdm.proto.v1.Purpose;
import org.junit.jupiter.api.Test;

class EnumNamesTest {

    @Test
    void kebab_dropsTheEnumPrefix_andLowercasesWithDashes() {
        assertThat(EnumNames.kebab(Purpose.PURPOSE_MARKETING_EMAIL)).isEqualTo("marketing-email");
        assertThat(EnumNames.kebab(LegalBasis.LEGAL_BASIS_LEGITIMATE_INTEREST)).isEqualTo("legitimate-interest");
        assertThat(EnumNames.kebab(IngestOutcome.INGEST_OUTCOME_CREATED)).isEqualTo("created");
    }

    @Test
    void parse_findsTheConstant_byItsKebabName() {
        assertThat(EnumNames.parse(ConsentStatus.class, "withdrawn")).contains(ConsentStatus.CONSENT_STATUS_WITHDRAWN);
        assertThat(EnumNames.parse(Purpose.class, "third-party-sharing"))
                .contains(Purpose.PURPOSE_THIRD_PARTY_SHARING);
    }

    @Test
    void parse_rejectsUnspecifiedAndUnknownNames() {
        assertThat(EnumNames.parse(Purpose.class, "unspecified")).isEmpty();
        assertThat(EnumNames.parse(Purpose.class, "unrecognized")).isEmpty();
        assertThat(EnumNames.parse(Purpose.class, "MARKETING_EMAIL")).isEmpty();
    }

    @Test
    void names_listsOnlyTheSettableConstants() {
        assertThat(EnumNames.names(ConsentStatus.class)).containsExactly("granted", "denied", "withdrawn");
    }
}
