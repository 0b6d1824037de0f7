package dev.cdm.profile.activity;

import com.google.protobuf.Timestamp;
import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.kernel.identity.Identifiers;
import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.Interaction;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates what ActivityService receives and turns it into activities: every violation at once, each under its
 * field path ({@code purchase.currency}, {@code customer.email}).
 */
public final class ActivityJudge {

    public static final Set<String> CHANNELS = Set.of("web", "app", "email", "sms", "phone", "store", "chat",
            "social", "other");
    static final int MAX_ID = 128;
    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 500;
    static final int MAX_QUANTITY = 1_000_000;
    /** Amounts beyond this are a unit mistake rather than a purchase. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9_-]{1,64}$");
    private static final Pattern TYPE = Pattern.compile("^[a-z0-9_.-]{1,64}$");
        private static final int MAX_PHONE = 40;
    private static final int MAX_PROFILE_ID = 64;

    private final Clock clock;

    public ActivityJudge(Clock clock) {
        this.clock = clock;
    }

    public Optional<JudgedActivity> purchase(CustomerRef ref, Purchase purchase, FieldViolations violations) {
        Customer customer = customer(ref, violations);
        Instant now = clock.instant();
        String source = source("purchase.source", purchase.getSource(), violations);
        String orderId = violations.requiredText("purchase.order_id", purchase.getOrderId(), MAX_ID);
        Instant occurredAt = occurredAt("purchase.occurred_at", purchase.hasOccurredAt(), purchase.getOccurredAt(),
                now, violations);
        Currency currency = currency(purchase.getCurrency(), violations);
        BigDecimal amount = amount("purchase.amount", purchase.getAmount(), true, currency, violations);
        if (purchase.getItemsCount() > MAX_ITEMS) {
            violations.add("purchase.items", "at most " + MAX_ITEMS + " items");
        }
        List<Activity.Item> items = new ArrayList<>();
        for (int i = 0; i < Math.min(purchase.getItemsCount(), MAX_ITEMS); i++) {
            items.add(item(purchase.getItems(i), "purchase.items[" + i + "]", currency, violations));
        }
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JudgedActivity(customer, Activity.purchase(source, orderId, occurredAt, now,
                new Activity.Purchase(amount, currency.getCurrencyCode(), items))));
    }

    public Optional<JudgedActivity> interaction(CustomerRef ref, Interaction interaction,
                                                FieldViolations violations) {
        Customer customer = customer(ref, violations);
        Instant now = clock.instant();
        String source = source("interaction.source", interaction.getSource(), violations);
        String id = violations.requiredText("interaction.interaction_id", interaction.getInteractionId(), MAX_ID);
        String type = interaction.getType().strip();
        if (!TYPE.matcher(type).matches()) {
            violations.add("interaction.type", "must be 1-64 characters of a-z, 0-9, '_', '.' and '-'");
        }
        String channel = interaction.getChannel().strip();
        if (!CHANNELS.contains(channel)) {
            violations.add("interaction.channel", "must be one of " + String.join(", ", CHANNELS.stream().sorted()
                    .toList()));
        }
        Instant occurredAt = occurredAt("interaction.occurred_at", interaction.hasOccurredAt(),
                interaction.getOccurredAt(), now, violations);
        String language = language(interaction.getLanguage(), violations);
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JudgedActivity(customer, Activity.interaction(source, id, occurredAt, now,
                new Activity.Interaction(type, channel, language))));
    }

    private static Customer customer(CustomerRef ref, FieldViolations violations) {
        return switch (ref.getRefCase()) {
            case PROFILE_ID -> new Customer.ByProfileId(
                    violations.requiredText("customer.profile_id", ref.getProfileId(), MAX_PROFILE_ID));
            case EMAIL -> {
                String email = violations.requiredText("customer.email", ref.getEmail(), PersonFieldsMapper.MAX_EMAIL);
                if (email != null && !PersonFieldsMapper.isEmail(email)) {
                    violations.add("customer.email", PersonFieldsMapper.EMAIL_RULE);
                }
                yield new Customer.ByIdentifier("email",
                        email == null ? null : Identifiers.emailKey(Identifiers.normalizeEmail(email)));
            }
            case PHONE -> {
                String phone = violations.requiredText("customer.phone", ref.getPhone(), MAX_PHONE);
                Optional<String> e164 = phone == null ? Optional.empty() : Identifiers.normalizePhone(phone, null);
                if (phone != null && e164.isEmpty()) {
                    violations.add("customer.phone", "is not a valid international phone number (+<country code>…)");
                }
                yield new Customer.ByIdentifier("phone", e164.map(Identifiers::phoneKey).orElse(null));
            }
            case EXTERNAL_ID -> {
                String type = violations.requiredText("customer.external_id.type", ref.getExternalId().getType(), 40);
                if (type != null && !PersonFieldsMapper.isExternalIdType(type)) {
                    violations.add("customer.external_id.type", PersonFieldsMapper.EXTERNAL_ID_TYPE_RULE);
                }
                String value = violations.requiredText("customer.external_id.value",
                        ref.getExternalId().getValue(), 100);
                yield new Customer.ByIdentifier("external_id",
                        type == null || value == null ? null : Identifiers.externalIdKey(type, value));
            }
            case SOURCE_RECORD -> {
                String source = violations.requiredText("customer.source_record.source",
                        ref.getSourceRecord().getSource(), MAX_ID);
                String id = violations.requiredText("customer.source_record.source_record_id",
                        ref.getSourceRecord().getSourceRecordId(), MAX_ID);
                yield new Customer.ByRecord(new SourceRecordKey(String.valueOf(source), String.valueOf(id)));
            }
            case REF_NOT_SET -> {
                violations.add("customer", "give profile_id, email, phone, external_id or source_record");
                yield null;
            }
        };
    }

    private static String source(String field, String value, FieldViolations violations) {
        String source = value.strip();
        if (!SOURCE.matcher(source).matches()) {
            violations.add(field, "must be 1-64 characters of a-z, 0-9, '_' and '-'");
        }
        return source;
    }

    private static Instant occurredAt(String field, boolean given, Timestamp at, Instant now,
                                      FieldViolations violations) {
        if (!given) {
            return now;
        }
        Instant instant;
        try {
            instant = Instant.ofEpochSecond(at.getSeconds(), at.getNanos());
        } catch (RuntimeException e) {
            violations.add(field, "is not a valid time");
            return now;
        }
        if (instant.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(field, "is in the future");
        }
        return instant;
    }

    private static Currency currency(String code, FieldViolations violations) {
        String stripped = code.strip();
        if (stripped.isEmpty()) {
            violations.add("purchase.currency", "is required");
            return null;
        }
        try {
            if (stripped.length() == 3 && stripped.equals(stripped.toUpperCase(Locale.ROOT))) {
                return Currency.getInstance(stripped);
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        violations.add("purchase.currency", "is not an ISO 4217 currency code, e.g. EUR");
        return null;
    }

    private static BigDecimal amount(String field, String text, boolean required, Currency currency,
                                     FieldViolations violations) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            if (required) {
                violations.add(field, "is required");
            }
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(stripped);
        } catch (NumberFormatException e) {
            violations.add(field, "is not a decimal number, e.g. 12.50");
            return null;
        }
        if (amount.signum() < 0) {
            violations.add(field, "must not be negative");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            violations.add(field, "must be at most " + MAX_AMOUNT.toPlainString());
        } else if (currency != null && currency.getDefaultFractionDigits() >= 0
                && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            violations.add(field, "has more than " + currency.getDefaultFractionDigits() + " decimals for "
                    + currency.getCurrencyCode());
        }
        return amount;
    }

    private static Activity.Item item(PurchaseItem item, String field, Currency currency,
                                      FieldViolations violations) {
        String sku = violations.optionalText(field + ".sku", item.getSku(), MAX_ID);
        String name = violations.optionalText(field + ".name", item.getName(), MAX_TEXT);
        if (sku == null && name == null && violations.isEmpty()) {
            violations.add(field, "give a sku or a name");
        }
        int quantity = item.getQuantity() == 0 ? 1 : item.getQuantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            violations.add(field + ".quantity", "must be 1 to " + MAX_QUANTITY);
        }
        BigDecimal unitPrice = amount(field + ".unit_price", item.getUnitPrice(), false, currency, violations);
        return new Activity.Item(sku, name, quantity, unitPrice);
    }

    private static String language(String tag, FieldViolations violations) {
        String stripped = tag.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(stripped).build();
            if (!locale.getLanguage().isEmpty() && stripped.length() <= 35) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        violations.add("interaction.language", "is not a BCP 47 language tag, e.g. de or pt-BR");
        return null;
    }
}
