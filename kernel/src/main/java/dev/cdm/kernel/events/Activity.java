package dev.cdm.kernel.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing a customer did: a purchase or an interaction, as one of their source records' activities. Its
 * identity is {@link #key()}; what it says is personal data, sealed with the key of the record it belongs to, so
 * that erasing the record's person erases it too. Exactly one of {@code purchase} and {@code interaction} is set
 * (both read as null once the record's key is destroyed).
 *
 * @param source     the system that reported it, e.g. "shop"
 * @param activityId unique within the source and the kind (an order id, a ticket id)
 * @param occurredAt when the customer did it
 * @param recordedAt when the platform recorded it
 */
public record Activity(String source, @PersonalData String activityId, Instant occurredAt, Instant recordedAt,
                       @PersonalData Purchase purchase, @PersonalData Interaction interaction) {

    public static final String PURCHASE = "purchase";
    public static final String INTERACTION = "interaction";

    public static Activity purchase(String source, String orderId, Instant occurredAt, Instant recordedAt,
                                    Purchase purchase) {
        return new Activity(source, orderId, occurredAt, recordedAt, Objects.requireNonNull(purchase), null);
    }

    public static Activity interaction(String source, String interactionId, Instant occurredAt, Instant recordedAt,
                                       Interaction interaction) {
        return new Activity(source, interactionId, occurredAt, recordedAt, null,
                Objects.requireNonNull(interaction));
    }

    /** "purchase" or "interaction"; what the key is made of, known before the activity is. */
    public String kind() {
        return interaction != null ? INTERACTION : PURCHASE;
    }

    /** Unique among all activities: kind, source and id. */
    public String key() {
        return keyOf(kind(), source, activityId);
    }

    /** Whether {@code other} is this activity (same kind, source and id), without building keys. */
    public boolean sameAs(Activity other) {
        return activityId != null && activityId.equals(other.activityId) && source.equals(other.source)
                && kind().equals(other.kind());
    }

    public static String keyOf(String kind, String source, String activityId) {
        return kind + "\u0000" + source + "\u0000" + activityId;
    }

    /** What was bought. {@code amount} is in {@code currency} (ISO 4217). */
    public record Purchase(BigDecimal amount, String currency, List<Item> items) {

        public Purchase {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One line of a purchase; {@code unitPrice} is null when the source did not give it. */
    public record Item(String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    /**
     * A contact: its type (e.g. "support_ticket"), its channel (e.g. "web") and, when known, the language the
     * customer used (a BCP 47 tag).
     */
    public record Interaction(String type, String channel, String language) {
    }
}
