package dev.cdm.profile.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTraitsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final PersonData ANNA = new PersonData("Anna", "Schmidt", null, null, null, null, "DE");

    @Test
    void noActivities_giveEmptyTraits_butLastSeenIsTheLatestRecord() {
        CustomerTraits traits = CustomerTraits.of(List.of(record("web", T0), record("crm", T0.plusSeconds(5))));

        assertThat(traits.orderCount()).isZero();
        assertThat(traits.spend()).isEmpty();
        assertThat(traits.firstPurchase()).isNull();
        assertThat(traits.preferredChannel()).isNull();
        assertThat(traits.preferredLanguage()).isNull();
        assertThat(traits.lastSeen()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void purchasesAcrossRecords_addUpPerCurrency_withTheAverageInTheCurrencysDigits() {
        LinkedRecordView web = record("web", T0, purchase("o-1", "10.00", "EUR", T0.plusSeconds(60)),
                purchase("o-2", "0.01", "EUR", T0.plusSeconds(10)));
        LinkedRecordView shop = record("shop", T0, purchase("o-3", "5", "EUR", T0.plusSeconds(30)),
                purchase("o-4", "999", "JPY", T0.plusSeconds(90)));

        CustomerTraits traits = CustomerTraits.of(List.of(web, shop));

        assertThat(traits.orderCount()).isEqualTo(4);
        assertThat(traits.spend().get("EUR").total()).isEqualByComparingTo("15.01");
        assertThat(Amounts.format(traits.spend().get("EUR").averageOrderValue(), "EUR")).isEqualTo("5.00");
        assertThat(Amounts.format(traits.spend().get("JPY").total(), "JPY")).isEqualTo("999");
        assertThat(Amounts.format(new BigDecimal("1200.0"), "JPY")).isEqualTo("1200");
        assertThat(Amounts.format(new BigDecimal("12.5"), "EUR")).isEqualTo("12.50");
        assertThat(Amounts.format(new BigDecimal("0.125"), "BHD")).as("three minor digits").isEqualTo("0.125");
        assertThat(traits.firstPurchase()).isEqualTo(T0.plusSeconds(10));
        assertThat(traits.lastPurchase()).isEqualTo(T0.plusSeconds(90));
        assertThat(traits.lastSeen()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void thePreferredChannel_isTheMostUsed_andOnATieTheMostRecentlyUsed() {
        LinkedRecordView web = record("web", T0, contact("t-1", "email", "en", T0.plusSeconds(1)),
                contact("t-2", "chat", null, T0.plusSeconds(3)), contact("t-3", "email", "fr", T0.plusSeconds(2)),
                contact("t-4", "chat", null, T0.plusSeconds(4)));

        CustomerTraits traits = CustomerTraits.of(List.of(web));

        assertThat(traits.channelMix()).containsExactly(entry("chat", 2L), entry("email", 2L));
        assertThat(traits.preferredChannel()).isEqualTo("chat");
        assertThat(traits.preferredLanguage()).as("of the latest contact that gave one").isEqualTo("fr");
        assertThat(traits.interactionTypes()).containsExactly(entry("support_ticket", 4L));
    }

    @Test
    void anActivityWhoseDetailsWereErased_countsForNothing() {
        Activity erased = new Activity("shop", null, T0.plusSeconds(600), T0.plusSeconds(600), null, null);
        CustomerTraits traits = CustomerTraits.of(List.of(record("web", T0, erased)));

        assertThat(traits.orderCount()).isZero();
        assertThat(traits.channelMix()).isEmpty();
        assertThat(traits.lastSeen()).isEqualTo(T0);
    }

    private static LinkedRecordView record(String source, Instant receivedAt, Activity... activities) {
        return new LinkedRecordView(new SourceRecordKey(source, source + "-1"), ANNA, receivedAt, null,
                List.of(activities));
    }

    private static Activity purchase(String orderId, String amount, String currency, Instant at) {
        return Activity.purchase("shop", orderId, at, at, new Activity.Purchase(new BigDecimal(amount), currency,
                List.of()));
    }

    private static Activity contact(String id, String channel, String language, Instant at) {
        return Activity.interaction("helpdesk", id, at, at, new Activity.Interaction("support_ticket", channel,
                language));
    }
}
