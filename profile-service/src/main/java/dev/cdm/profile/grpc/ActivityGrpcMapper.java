package dev.cdm.profile.grpc;

import dev.cdm.kernel.events.Activity;
import dev.cdm.profile.activity.Amounts;
import dev.cdm.profile.activity.CustomerTraits;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.proto.v1.Interaction;
import dev.cdm.proto.v1.ProfileActivity;
import dev.cdm.proto.v1.ProfileTraits;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordedInteraction;
import dev.cdm.proto.v1.RecordedPurchase;
import dev.cdm.proto.v1.SpendTotal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A profile's activities and traits as the Profile message shows them. */
final class ActivityGrpcMapper {

    /** Of each kind, the newest this many; the traits count them all. */
    static final int RECENT = 100;

    private ActivityGrpcMapper() {
    }

    static ProfileActivity toProto(List<LinkedRecordView> records, CustomerTraits traits) {
        ProfileActivity.Builder activity = ProfileActivity.newBuilder().setTraits(toProto(traits));
        List<Owned> newestFirst = records.stream()
                .flatMap(record -> record.activities().stream().map(a -> new Owned(record, a)))
                .sorted(Comparator.comparing((Owned owned) -> owned.activity().occurredAt()).reversed())
                .toList();
        newestFirst.stream().filter(owned -> owned.activity().purchase() != null).limit(RECENT)
                .forEach(owned -> activity.addPurchases(RecordedPurchase.newBuilder()
                        .setRecord(ProfileGrpcMapper.toProto(owned.record().key()))
                        .setPurchase(purchase(owned.activity()))
                        .setRecordedAt(ProfileGrpcMapper.timestamp(owned.recordedAt()))));
        newestFirst.stream().filter(owned -> owned.activity().interaction() != null).limit(RECENT)
                .forEach(owned -> activity.addInteractions(RecordedInteraction.newBuilder()
                        .setRecord(ProfileGrpcMapper.toProto(owned.record().key()))
                        .setInteraction(interaction(owned.activity()))
                        .setRecordedAt(ProfileGrpcMapper.timestamp(owned.recordedAt()))));
        return activity.build();
    }

    private static ProfileTraits toProto(CustomerTraits traits) {
        ProfileTraits.Builder proto = ProfileTraits.newBuilder()
                .setOrderCount(traits.orderCount())
                .putAllChannelMix(traits.channelMix())
                .putAllInteractionTypes(traits.interactionTypes())
                .setPreferredChannel(Objects.requireNonNullElse(traits.preferredChannel(), ""))
                .setPreferredLanguage(Objects.requireNonNullElse(traits.preferredLanguage(), ""));
        traits.spend().values().forEach(spend -> proto.addSpend(SpendTotal.newBuilder()
                .setCurrency(spend.currency())
                .setTotal(Amounts.format(spend.total(), spend.currency()))
                .setOrderCount(spend.orders())
                .setAverageOrderValue(Amounts.format(spend.averageOrderValue(), spend.currency()))));
        if (traits.firstPurchase() != null) {
            proto.setFirstPurchaseAt(ProfileGrpcMapper.timestamp(traits.firstPurchase()));
            proto.setLastPurchaseAt(ProfileGrpcMapper.timestamp(traits.lastPurchase()));
        }
        if (traits.lastSeen() != null) {
            proto.setLastSeenAt(ProfileGrpcMapper.timestamp(traits.lastSeen()));
        }
        return proto.build();
    }

    private static Purchase purchase(Activity activity) {
        Purchase.Builder purchase = Purchase.newBuilder()
                .setSource(activity.source())
                .setOrderId(activity.activityId())
                .setOccurredAt(ProfileGrpcMapper.timestamp(activity.occurredAt()))
                .setAmount(Amounts.format(activity.purchase().amount(), activity.purchase().currency()))
                .setCurrency(activity.purchase().currency());
        activity.purchase().items().forEach(item -> purchase.addItems(PurchaseItem.newBuilder()
                .setSku(Objects.requireNonNullElse(item.sku(), ""))
                .setName(Objects.requireNonNullElse(item.name(), ""))
                .setQuantity(item.quantity())
                .setUnitPrice(item.unitPrice() == null ? ""
                        : Amounts.format(item.unitPrice(), activity.purchase().currency()))));
        return purchase.build();
    }

    private static Interaction interaction(Activity activity) {
        return Interaction.newBuilder()
                .setSource(activity.source())
                .setInteractionId(activity.activityId())
                .setOccurredAt(ProfileGrpcMapper.timestamp(activity.occurredAt()))
                .setType(activity.interaction().type())
                .setChannel(activity.interaction().channel())
                .setLanguage(Objects.requireNonNullElse(activity.interaction().language(), ""))
                .build();
    }

    private record Owned(LinkedRecordView record, Activity activity) {
        java.time.Instant recordedAt() {
            return activity.recordedAt() != null ? activity.recordedAt() : activity.occurredAt();
        }
    }
}
