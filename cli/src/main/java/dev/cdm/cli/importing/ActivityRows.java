package dev.cdm.cli.importing;

import com.google.protobuf.Timestamp;
import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.ExternalId;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.Interaction;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordInteractionRequest;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import dev.cdm.proto.v1.SourceRecordKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical columns of an activity file (see cli/README.md). The customer is named by the first of
 * {@code profile_id}, {@code email}, {@code phone}, {@code external_id_type} + {@code external_id_value} and
 * {@code record_source} + {@code record_id} that the row fills. Purchases: {@code source}, {@code order_id},
 * {@code occurred_at} (ISO-8601 with offset; empty: now), {@code amount}, {@code currency}, {@code items}
 * ({@code sku:quantity[:unit_price]} separated by {@code ;}). Interactions: {@code source}, {@code interaction_id},
 * {@code type}, {@code channel}, {@code occurred_at}, {@code language}. The service judges every value; here only
 * what cannot be put into a request is refused.
 */
final class ActivityRows {

    private final ActivityKind kind;
    private final String source;

    /** {@code source} overrides the column when not null. */
    ActivityRows(ActivityKind kind, String source) {
        this.kind = kind;
        this.source = source;
    }

    /** The row's request, or the issue that keeps it from being sent. */
    Row read(SourceRow row) {
        List<FieldIssue> issues = new ArrayList<>();
        CustomerRef customer = customer(row, issues);
        Timestamp at = time(row.value("occurred_at"), issues);
        String from = source != null ? source : row.value("source");
        RecordActivitiesRequest.Builder request = RecordActivitiesRequest.newBuilder().setSequence(row.line());
        String id;
        if (kind == ActivityKind.PURCHASES) {
            id = row.value("order_id");
            Purchase.Builder purchase = Purchase.newBuilder().setSource(from).setOrderId(id)
                    .setAmount(row.value("amount")).setCurrency(row.value("currency"))
                    .addAllItems(items(row.value("items"), issues));
            if (at != null) {
                purchase.setOccurredAt(at);
            }
            request.setPurchase(RecordPurchaseRequest.newBuilder().setCustomer(customer).setPurchase(purchase));
        } else {
            id = row.value("interaction_id");
            Interaction.Builder interaction = Interaction.newBuilder().setSource(from).setInteractionId(id)
                    .setType(row.value("type")).setChannel(row.value("channel")).setLanguage(row.value("language"));
            if (at != null) {
                interaction.setOccurredAt(at);
            }
            request.setInteraction(RecordInteractionRequest.newBuilder().setCustomer(customer)
                    .setInteraction(interaction));
        }
        return new Row(id, issues.isEmpty() ? Optional.of(request.build()) : Optional.empty(), issues);
    }

    /** A row as a request, or the issues that keep it unsent. */
    record Row(String activityId, Optional<RecordActivitiesRequest> request, List<FieldIssue> issues) {
    }

    private static CustomerRef customer(SourceRow row, List<FieldIssue> issues) {
        CustomerRef.Builder customer = CustomerRef.newBuilder();
        if (!row.value("profile_id").isEmpty()) {
            customer.setProfileId(row.value("profile_id"));
        } else if (!row.value("email").isEmpty()) {
            customer.setEmail(row.value("email"));
        } else if (!row.value("phone").isEmpty()) {
            customer.setPhone(row.value("phone"));
        } else if (!row.value("external_id_type").isEmpty()) {
            customer.setExternalId(ExternalId.newBuilder().setType(row.value("external_id_type"))
                    .setValue(row.value("external_id_value")));
        } else if (!row.value("record_source").isEmpty()) {
            customer.setSourceRecord(SourceRecordKey.newBuilder().setSource(row.value("record_source"))
                    .setSourceRecordId(row.value("record_id")));
        } else {
            issues.add(issue("customer", "give profile_id, email, phone, external_id_type/value or "
                    + "record_source/record_id"));
        }
        return customer.build();
    }

    private static Timestamp time(String text, List<FieldIssue> issues) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
        } catch (DateTimeParseException e) {
            issues.add(issue("occurred_at", "is not an ISO-8601 time with offset, e.g. 2026-12-01T10:15:00Z"));
            return null;
        }
    }

    private static List<PurchaseItem> items(String text, List<FieldIssue> issues) {
        List<PurchaseItem> items = new ArrayList<>();
        if (text.isEmpty()) {
            return items;
        }
        for (String item : text.split(";")) {
            String[] parts = item.strip().split(":");
            if (parts.length < 2 || parts.length > 3 || !parts[1].strip().matches("[0-9]{1,7}")) {
                issues.add(issue("items", "write each item as sku:quantity[:unit_price], separated by ;"));
                return List.of();
            }
            PurchaseItem.Builder built = PurchaseItem.newBuilder().setSku(parts[0].strip())
                    .setQuantity(Integer.parseInt(parts[1].strip()));
            if (parts.length == 3) {
                built.setUnitPrice(parts[2].strip());
            }
            items.add(built.build());
        }
        return items;
    }

    private static FieldIssue issue(String field, String reason) {
        return FieldIssue.newBuilder().setField(field).setReason(reason).build();
    }
}
