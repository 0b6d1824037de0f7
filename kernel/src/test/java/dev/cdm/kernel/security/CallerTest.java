package dev.cdm.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Set<String> DELEGATES = Set.of("ingestion-service", "consent-service");

    @Test
    void of_takesTheOriginalCaller_fromADelegateService() {
        Caller caller = Caller.of(identity("service-account-ingestion-service", "ingestion-service"), "ingest",
                "ingest-writer,analyst", DELEGATES);

        assertThat(caller).isEqualTo(new Caller("service-account-ingestion-service", "ingestion-service", "ingest",
                Set.of("ingest-writer"), Set.of("ingest-writer", "analyst")));
        assertThat(caller.person()).isEqualTo("ingest");
    }

    @Test
    void effectiveRoles_ofADelegatedCall_areTheRolesBothTheServiceAndThePersonHold() {
        Caller caller = new Caller("service-account-consent-service", "consent-service", "support",
                Set.of("profile-reader", "pii-reader", "compliance-officer"), Set.of("profile-reader", "consent-manager"));

        assertThat(caller.effectiveRoles()).containsExactly("profile-reader");
        assertThat(new Caller("officer", "cdm-cli", Set.of("compliance-officer")).effectiveRoles())
                .containsExactly("compliance-officer");
    }

    @Test
    void of_givesADelegatedCallNoneOfThePersonsRoles_whenItsRolesHeaderIsMissingOrMalformed() {
        for (String header : new String[] {null, "", "pii-reader,", "pii reader", "a,".repeat(64) + "b",
                "pii-reader,{\"$ne\":null}"}) {
            Caller caller = Caller.of(identity("svc", "consent-service"), "officer", header, DELEGATES);

            assertThat(caller.onBehalfOf()).isEqualTo("officer");
            assertThat(caller.personRoles()).as("header %s", header).isEmpty();
            assertThat(caller.effectiveRoles()).isEmpty();
        }
    }

    @Test
    void personRolesHeader_namesThePersonsRoles_forTheNextPeer() {
        assertThat(new Caller("officer", "cdm-cli", Set.of("pii-reader", "compliance-officer")).personRolesHeader())
                .isEqualTo("compliance-officer,pii-reader");
        assertThat(new Caller("svc", "consent-service", "support", Set.of("pii-reader"), Set.of("profile-reader"))
                .personRolesHeader()).isEqualTo("profile-reader");
    }

    @Test
    void of_ignoresTheClaimToActForSomeoneElse_fromAnyoneButADelegate() {
        Caller caller = Caller.of(identity("ingest", "cdm-cli"), "officer", "pii-reader", DELEGATES);

        assertThat(caller.onBehalfOf()).isNull();
        assertThat(caller.effectiveRoles()).containsExactly("ingest-writer");
        assertThat(caller.person()).isEqualTo("ingest");
    }

    @Test
    void of_ignoresAnOriginalCallerThatIsNoName() {
        assertThat(Caller.of(identity("svc", "consent-service"), " ", "pii-reader", DELEGATES).onBehalfOf()).isNull();
        assertThat(Caller.of(identity("svc", "consent-service"), "a b", "pii-reader", DELEGATES).onBehalfOf()).isNull();
        assertThat(Caller.of(identity("svc", "consent-service"), "x".repeat(256), "pii-reader", DELEGATES).onBehalfOf()).isNull();
        assertThat(Caller.of(identity("svc", "consent-service"), null, "pii-reader", DELEGATES).person()).isEqualTo("svc");
    }

    @Test
    void current_isTheCallerOfTheContext_andAbsentOutsideOne() {
        Caller caller = new Caller("officer", "cdm-cli", Set.of("compliance-officer"));

        assertThat(Caller.current()).isEmpty();
        caller.attachTo(io.grpc.Context.current()).run(() -> assertThat(Caller.current()).contains(caller));
    }

    private static QuarkusSecurityIdentity identity(String name, String authorizedParty) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new VerifiedJwt(name, Map.of("azp", authorizedParty)))
                .addRole("ingest-writer").build();
    }
}
