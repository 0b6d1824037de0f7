package dev.cdm.profile.activity;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.Activity.Interaction;
import dev.cdm.kernel.events.Activity.Item;
import dev.cdm.kernel.events.Activity.Purchase;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps a record's activities in a profile document; amounts are decimal strings, so no digit is ever lost. */
public final class ActivityDocuments {

    private ActivityDocuments() {
    }

    public static Document toDocument(Activity activity) {
        Document doc = new Document("source", activity.source())
                .append("activityId", activity.activityId())
                .append("occurredAt", Date.from(activity.occurredAt()))
                .append("recordedAt", activity.recordedAt() == null ? null : Date.from(activity.recordedAt()));
        if (activity.purchase() != null) {
            Purchase purchase = activity.purchase();
            doc.append("purchase", new Document("amount", purchase.amount().toPlainString())
                    .append("currency", purchase.currency())
                    .append("items", purchase.items().stream().map(ActivityDocuments::item).toList()));
        }
        if (activity.interaction() != null) {
            Interaction interaction = activity.interaction();
            doc.append("interaction", new Document("type", interaction.type())
                    .append("channel", interaction.channel())
                    .append("language", interaction.language()));
        }
        return doc;
    }

    public static Activity toActivity(Document doc) {
        Document purchase = doc.get("purchase", Document.class);
        Document interaction = doc.get("interaction", Document.class);
        Date recordedAt = doc.getDate("recordedAt");
        return new Activity(doc.getString("source"), doc.getString("activityId"),
                doc.getDate("occurredAt").toInstant(), recordedAt == null ? null : recordedAt.toInstant(),
                purchase == null ? null : new Purchase(new BigDecimal(purchase.getString("amount")),
                        purchase.getString("currency"), purchase.getList("items", Document.class, List.of())
                        .stream().map(ActivityDocuments::item).toList()),
                interaction == null ? null : new Interaction(interaction.getString("type"),
                        interaction.getString("channel"), interaction.getString("language")));
    }

    private static Document item(Item item) {
        return new Document("sku", item.sku()).append("name", item.name()).append("quantity", item.quantity())
                .append("unitPrice", item.unitPrice() == null ? null : item.unitPrice().toPlainString());
    }

    private static Item item(Document doc) {
        String unitPrice = doc.getString("unitPrice");
        return new Item(doc.getString("sku"), doc.getString("name"), doc.getInteger("quantity", 1),
                unitPrice == null ? null : new BigDecimal(unitPrice));
    }
}
