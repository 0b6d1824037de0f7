package dev.cdm.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.consent.api.ConsentLedger;
import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.consent.policy.PurposeVerdict.Reason;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurposePolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void decide_allows_whenGrantInForce() {
        PurposeVerdict verdict = decide(ledgerOf(grant(Purpose.MARKETING_EMAIL, null)), Purpose.MARKETING_EMAIL);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.reason()).isEqualTo(Reason.GRANTED);
        assertThat(verdict.governingSubjectId()).isEqualTo("a");
        assertThat(verdict.decision().status()).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void decide_allows_whenGrantedOnAnotherLegalBasis() {
        ConsentRecordedEvent contract = new ConsentRecordedEvent("a", Purpose.PERSONALIZATION, "",
                ConsentStatus.GRANTED, LegalBasis.CONTRACT, null, null, T0);

        assertThat(decide(ledgerOf(contract), Purpose.PERSONALIZATION).allowed()).isTrue();
    }

    @Test
    void decide_refuses_whenNothingDecided() {
        PurposeVerdict verdict = decide(new ConsentLedger(), Purpose.PROFILING);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).isEqualTo(Reason.NO_DECISION);
        assertThat(verdict.decision()).isNull();
    }

    @Test
    void decide_refusesWithReason_whenDeniedOrWithdrawn() {
        ConsentRecordedEvent denied = new ConsentRecordedEvent("a", Purpose.MARKETING_SMS, "", ConsentStatus.DENIED,
                LegalBasis.CONSENT, null, null, T0);
        ConsentRecordedEvent withdrawn = new ConsentRecordedEvent("a", Purpose.MARKETING_EMAIL, "",
                ConsentStatus.WITHDRAWN, LegalBasis.CONSENT, null, null, T0.plusSeconds(1));
        ConsentLedger ledger = ledgerOf(denied, grant(Purpose.MARKETING_EMAIL, null), withdrawn);

        assertThat(decide(ledger, Purpose.MARKETING_SMS).reason()).isEqualTo(Reason.DENIED);
        assertThat(decide(ledger, Purpose.MARKETING_EMAIL).reason()).isEqualTo(Reason.WITHDRAWN);
    }

    @Test
    void decide_refusesAsExpired_whenGrantHasExpired() {
        ConsentLedger ledger = ledgerOf(grant(Purpose.ANALYTICS, T0.plusSeconds(5)));

        assertThat(PurposePolicy.decide(new SubjectLedger("a", ledger), Purpose.ANALYTICS, "web",
                T0.plusSeconds(10))).satisfies(verdict -> {
                    assertThat(verdict.allowed()).isFalse();
                    assertThat(verdict.reason()).isEqualTo(Reason.EXPIRED);
                });
    }

    @Test
    void decide_refusesSharing_whenOptedOutOfSaleDespiteGrant() {
        ConsentLedger ledger = ledgerOf(grant(Purpose.THIRD_PARTY_SHARING, null),
                new SaleOptOutRecordedEvent("a", true, "gpc-signal", T0.plusSeconds(1)));

        assertThat(decide(ledger, Purpose.THIRD_PARTY_SHARING).reason()).isEqualTo(Reason.SALE_OPT_OUT);
        assertThat(decide(ledger, Purpose.THIRD_PARTY_SHARING).allowed()).isFalse();

        ledger.apply(new SaleOptOutRecordedEvent("a", false, "web-settings", T0.plusSeconds(2)));
        assertThat(decide(ledger, Purpose.THIRD_PARTY_SHARING).allowed()).isTrue();
    }

    @Test
    void decide_refusesEveryPurpose_whileProcessingIsRestricted() {
        ConsentLedger ledger = ledgerOf(grant(Purpose.ANALYTICS, null),
                new ProcessingRestrictedEvent("a", "dsr-1", T0.plusSeconds(1)));

        assertThat(decide(ledger, Purpose.ANALYTICS).reason()).isEqualTo(Reason.RESTRICTED);
        assertThat(decide(ledger, Purpose.MARKETING_EMAIL).reason()).isEqualTo(Reason.RESTRICTED);

        ledger.apply(new ProcessingRestrictionLiftedEvent("a", "dsr-1", "dpo", T0.plusSeconds(2)));
        assertThat(decide(ledger, Purpose.ANALYTICS).allowed()).isTrue();
    }

    private static PurposeVerdict decide(ConsentLedger ledger, Purpose purpose) {
        return PurposePolicy.decide(new SubjectLedger("a", ledger), purpose, "email", T0.plusSeconds(3));
    }

    private static ConsentRecordedEvent grant(Purpose purpose, Instant expiresAt) {
        return new ConsentRecordedEvent("a", purpose, "", ConsentStatus.GRANTED, LegalBasis.CONSENT, null,
                expiresAt, T0);
    }

    private static ConsentLedger ledgerOf(Object... events) {
        ConsentLedger ledger = new ConsentLedger();
        for (Object event : events) {
            ledger.apply(event);
        }
        return ledger;
    }
}
