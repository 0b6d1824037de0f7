package dev.cdm.profile.activity;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.Activity.Interaction;
import dev.cdm.profile.api.LinkedRecordView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a profile's activities add up to. Computed from the records' activities on every read, like the golden
 * record, so it can never drift from them. Activities whose details were erased (sealed under a destroyed key)
 * count for nothing.
 *
 * @param spend     per currency code: amounts in different currencies are never added
 * @param lastSeen  the latest activity or record received; null for none
 */
public record CustomerTraits(long orderCount, SortedMap<String, Spend> spend, Instant firstPurchase,
                             Instant lastPurchase, Instant lastSeen, SortedMap<String, Long> channelMix,
                             SortedMap<String, Long> interactionTypes, String preferredChannel,
                             String preferredLanguage) {

    /** The purchases in one currency: their total, count and average order value (in the currency's digits). */
    public record Spend(String currency, BigDecimal total, long orders) {

        public BigDecimal averageOrderValue() {
            return total.divide(BigDecimal.valueOf(orders), Amounts.digits(currency), RoundingMode.HALF_EVEN);
        }
    }

    public static CustomerTraits of(List<LinkedRecordView> records) {
        long orders = 0;
        SortedMap<String, Spend> spend = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        Instant seen = null;
        SortedMap<String, Long> channels = new TreeMap<>();
        SortedMap<String, Long> types = new TreeMap<>();
        Map<String, Instant> lastOfChannel = new TreeMap<>();
        Activity lastWithLanguage = null;
        for (LinkedRecordView record : records) {
            seen = latest(seen, record.receivedAt());
            for (Activity activity : record.activities()) {
                if (activity.purchase() != null) {
                    orders++;
                    spend.merge(activity.purchase().currency(),
                            new Spend(activity.purchase().currency(), activity.purchase().amount(), 1),
                            (a, b) -> new Spend(a.currency(), a.total().add(b.total()), a.orders() + b.orders()));
                    first = first == null || activity.occurredAt().isBefore(first) ? activity.occurredAt() : first;
                    last = latest(last, activity.occurredAt());
                    seen = latest(seen, activity.occurredAt());
                }
                Interaction interaction = activity.interaction();
                if (interaction != null) {
                    channels.merge(interaction.channel(), 1L, Long::sum);
                    types.merge(interaction.type(), 1L, Long::sum);
                    lastOfChannel.merge(interaction.channel(), activity.occurredAt(), CustomerTraits::latest);
                    if (interaction.language() != null && (lastWithLanguage == null
                            || activity.occurredAt().isAfter(lastWithLanguage.occurredAt()))) {
                        lastWithLanguage = activity;
                    }
                    seen = latest(seen, activity.occurredAt());
                }
            }
        }
        return new CustomerTraits(orders, spend, first, last, seen, channels, types,
                preferredChannel(channels, lastOfChannel).orElse(null),
                lastWithLanguage == null ? null : lastWithLanguage.interaction().language());
    }

    /** The channel of most interactions; on a tie, the one used most recently. */
    private static Optional<String> preferredChannel(Map<String, Long> counts, Map<String, Instant> lastUse) {
        return counts.keySet().stream().max(Comparator.comparing((String channel) -> counts.get(channel))
                .thenComparing(lastUse::get));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
