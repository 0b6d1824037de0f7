package dev.cdm.consent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import dev.cdm.kernel.events.ConsentsAdoptedEvent.Reason;
import dev.cdm.kernel.events.ConsentsMergedIntoEvent;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOut;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void governing_prefersChannelDecision_overAllChannelsDecision() {
        ConsentLedger ledger = ledgerOf(
                recorded(Purpose.MARKETING_EMAIL, "", ConsentStatus.GRANTED, null, T0),
                recorded(Purpose.MARKETING_EMAIL, "sms", ConsentStatus.DENIED, null, T0));

        assertThat(ledger.governing(Purpose.MARKETING_EMAIL, "sms", T0)).get()
                .extracting(ConsentDecision::status).isEqualTo(ConsentStatus.DENIED);
        assertThat(ledger.governing(Purpose.MARKETING_EMAIL, "email", T0)).get()
                .extracting(ConsentDecision::status).isEqualTo(ConsentStatus.GRANTED);
    }

    @Test
    void governing_fallsBackToAllChannels_whenChannelDecisionExpired() {
        ConsentLedger ledger = ledgerOf(
                recorded(Purpose.ANALYTICS, "", ConsentStatus.DENIED, null, T0),
                recorded(Purpose.ANALYTICS, "web", ConsentStatus.GRANTED, T0.plusSeconds(60), T0));

        assertThat(ledger.governing(Purpose.ANALYTICS, "web", T0.plusSeconds(30))).get()
                .extracting(ConsentDecision::status).isEqualTo(ConsentStatus.GRANTED);
        assertThat(ledger.governing(Purpose.ANALYTICS, "web", T0.plusSeconds(60))).get()
                .extracting(ConsentDecision::status).isEqualTo(ConsentStatus.DENIED);
    }

    @Test
    void adopt_keepsMoreRecentDecision_andRefusalWinsATie() {
        ConsentLedger ledger = ledgerOf(
                recorded(Purpose.MARKETING_EMAIL, "", ConsentStatus.GRANTED, null, T0.plusSeconds(10)),
                recorded(Purpose.PROFILING, "", ConsentStatus.GRANTED, null, T0));

        ledger.apply(new ConsentsAdoptedEvent("a", "b", Reason.MERGE, List.of(
                decision(Purpose.MARKETING_EMAIL, ConsentStatus.DENIED, T0),
                decision(Purpose.PROFILING, ConsentStatus.DENIED, T0),
                decision(Purpose.ANALYTICS, ConsentStatus.GRANTED, T0)), null, T0.plusSeconds(20)));

        assertThat(statuses(ledger)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Purpose.MARKETING_EMAIL, ConsentStatus.GRANTED,
                Purpose.PROFILING, ConsentStatus.DENIED,
                Purpose.ANALYTICS, ConsentStatus.GRANTED));
    }

    @Test
    void adopt_takesSaleOptOut_onlyWhenMoreRecent() {
        ConsentLedger ledger = ledgerOf(new SaleOptOutRecordedEvent("a", false, "web", T0.plusSeconds(5)));

        ledger.apply(adoption(new SaleOptOut(true, "gpc-signal", T0)));
        assertThat(ledger.forbidsSale()).isFalse();

        ledger.apply(adoption(new SaleOptOut(true, "gpc-signal", T0.plusSeconds(10))));
        assertThat(ledger.forbidsSale()).isTrue();
    }

    @Test
    void refusals_leaveGrantsOut() {
        ConsentLedger ledger = ledgerOf(
                recorded(Purpose.MARKETING_EMAIL, "", ConsentStatus.GRANTED, null, T0),
                recorded(Purpose.MARKETING_SMS, "", ConsentStatus.DENIED, null, T0),
                recorded(Purpose.PROFILING, "", ConsentStatus.GRANTED, null, T0),
                recorded(Purpose.PROFILING, "", ConsentStatus.WITHDRAWN, null, T0.plusSeconds(1)));

        assertThat(ledger.refusals()).extracting(ConsentDecision::purpose)
                .containsExactly(Purpose.MARKETING_SMS, Purpose.PROFILING);
    }

    @Test
    void mergedInto_isKept_whenMergeApplied() {
        ConsentLedger ledger = ledgerOf(new ConsentsMergedIntoEvent("b", "a", T0));

        assertThat(ledger.mergedInto()).contains("a");
        assertThat(ledger.isEmpty()).isFalse();
    }

    @Test
    void follow_endsAtSurvivor_andStopsOnACycle() {
        Map<String, ConsentLedger> ledgers = Map.of(
                "c", ledgerOf(new ConsentsMergedIntoEvent("c", "b", T0)),
                "b", ledgerOf(new ConsentsMergedIntoEvent("b", "a", T0)),
                "a", ledgerOf(recorded(Purpose.ANALYTICS, "", ConsentStatus.GRANTED, null, T0)),
                "x", ledgerOf(new ConsentsMergedIntoEvent("x", "y", T0)),
                "y", ledgerOf(new ConsentsMergedIntoEvent("y", "x", T0)));

        assertThat(SubjectLedger.follow("c", ledgers::get).subjectId()).isEqualTo("a");
        assertThat(SubjectLedger.follow("x", ledgers::get).subjectId()).isIn("x", "y");
    }

    private static Map<Purpose, ConsentStatus> statuses(ConsentLedger ledger) {
        return ledger.decisions().stream().collect(java.util.stream.Collectors.toMap(ConsentDecision::purpose,
                ConsentDecision::status));
    }

    private static ConsentsAdoptedEvent adoption(SaleOptOut optOut) {
        return new ConsentsAdoptedEvent("a", "b", Reason.MERGE, List.of(), optOut, T0.plusSeconds(30));
    }

    private static ConsentLedger ledgerOf(Object... events) {
        ConsentLedger ledger = new ConsentLedger();
        for (Object event : events) {
            ledger.apply(event);
        }
        return ledger;
    }

    private static ConsentRecordedEvent recorded(Purpose purpose, String channel, ConsentStatus status,
                                                 Instant expiresAt, Instant at) {
        return new ConsentRecordedEvent("a", purpose, channel, status, LegalBasis.CONSENT, null, expiresAt, at);
    }

    private static ConsentDecision decision(Purpose purpose, ConsentStatus status, Instant at) {
        return new ConsentDecision(purpose, "", status, LegalBasis.CONSENT, null, null, at);
    }
}
