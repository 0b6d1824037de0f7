package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.cdm.proto.v1.ActivityOutcome;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.Interaction;
import dev.cdm.proto.v1.ListPendingActivitiesRequest;
import dev.cdm.proto.v1.PendingActivity;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProfileTraits;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordActivitiesResponse;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordInteractionRequest;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import dev.cdm.proto.v1.RecordedPurchase;
import dev.cdm.proto.v1.SpendTotal;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Purchases and interactions: recorded in the profile that holds the identifier, held until one does, traits. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ActivityGrpcTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

    @TestHTTPResource
    URL url;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub profiles;
    private ActivityServiceGrpc.ActivityServiceBlockingStub activities;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
        profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
        activities = ActivityServiceGrpc.newBlockingStub(channel.as("admin"));
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void purchases_byEmail_addUpPerCurrency_andOneSentTwiceCountsOnce() {
        PersonFields ivan = ProfileGrpcServiceTest.ivan();
        String recordId = "a-" + UUID.randomUUID();
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm", recordId, ivan))
                .getProfileId();
        CustomerRef byEmail = CustomerRef.newBuilder().setEmail(ivan.getEmail().toUpperCase()).build();

        RecordActivityResponse first = activities.recordPurchase(purchase(byEmail, "o-1", "12.50", "EUR", MONDAY));
        activities.recordPurchase(purchase(byEmail, "o-2", "7.5", "EUR", MONDAY.plus(2, ChronoUnit.DAYS)));
        activities.recordPurchase(purchase(byEmail, "o-3", "1200", "JPY", MONDAY.plus(1, ChronoUnit.DAYS)));
        RecordActivityResponse again = activities.recordPurchase(purchase(byEmail, "o-1", "12.50", "EUR",
                MONDAY));
        awaitProjections();

        assertThat(first.getOutcome()).isEqualTo(ActivityOutcome.ACTIVITY_OUTCOME_RECORDED);
        assertThat(first.getProfileId()).isEqualTo(profileId);
        assertThat(again.getOutcome()).isEqualTo(ActivityOutcome.ACTIVITY_OUTCOME_DUPLICATE);
        Profile profile = profiles.getProfile(Reads.get(profileId));
        ProfileTraits traits = profile.getActivity().getTraits();
        assertThat(traits.getOrderCount()).isEqualTo(3);
        assertThat(traits.getSpendList()).extracting(SpendTotal::getCurrency, SpendTotal::getTotal,
                        SpendTotal::getOrderCount, SpendTotal::getAverageOrderValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EUR", "20.00", 2L, "10.00"),
                        org.assertj.core.groups.Tuple.tuple("JPY", "1200", 1L, "1200"));
        assertThat(traits.getFirstPurchaseAt()).isEqualTo(timestamp(MONDAY));
        assertThat(traits.getLastPurchaseAt()).isEqualTo(timestamp(MONDAY.plus(2, ChronoUnit.DAYS)));
        assertThat(profile.getActivity().getPurchasesList()).extracting(p -> p.getPurchase().getOrderId())
                .as("newest first").containsExactly("o-2", "o-3", "o-1");
        RecordedPurchase recorded = profile.getActivity().getPurchases(2);
        assertThat(recorded.getRecord().getSourceRecordId()).isEqualTo(recordId);
        assertThat(recorded.getPurchase().getItems(0).getSku()).isEqualTo("sku-1");
        assertThat(recorded.getPurchase().getItems(0).getQuantity()).isEqualTo(2);
        assertThat(profiles.getProfileHistory(Reads.history(profileId)).getEntriesList())
                .extracting(ProfileHistoryEntry::getSummary)
                .contains("purchase from shop recorded for record crm/" + recordId)
                .allSatisfy(summary -> assertThat(summary).doesNotContain("o-1"));
    }

    @Test
    void interactions_giveChannelMix_preferredChannelAndLanguage_andLastSeen() {
        PersonFields ivan = ProfileGrpcServiceTest.ivan();
        String recordId = "i-" + UUID.randomUUID();
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm", recordId, ivan))
                .getProfileId();
        CustomerRef byRecord = CustomerRef.newBuilder().setSourceRecord(dev.cdm.proto.v1.SourceRecordKey
                .newBuilder().setSource("crm").setSourceRecordId(recordId)).build();
        CustomerRef byProfile = CustomerRef.newBuilder().setProfileId(profileId).build();
        Instant last = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        activities.recordInteraction(interaction(byRecord, "t-1", "support_ticket", "email", "ru", MONDAY));
        activities.recordInteraction(interaction(byProfile, "t-2", "page_view", "web", "",
                MONDAY.plusSeconds(60)));
        activities.recordInteraction(interaction(byProfile, "t-3", "page_view", "web", "de", last));
        awaitProjections();

        ProfileTraits traits = profiles.getProfile(Reads.get(profileId)).getActivity().getTraits();
        assertThat(traits.getChannelMixMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("web", 2L,
                "email", 1L));
        assertThat(traits.getInteractionTypesMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "page_view", 2L, "support_ticket", 1L));
        assertThat(traits.getPreferredChannel()).isEqualTo("web");
        assertThat(traits.getPreferredLanguage()).isEqualTo("de");
        assertThat(traits.getLastSeenAt()).isEqualTo(timestamp(last));
        assertThat(traits.getOrderCount()).isZero();
        assertThat(profiles.getProfile(Reads.get(profileId)).getQualityFlagsList()).as("a complete, fresh profile")
                .isEmpty();
    }

    @Test
    void aProfileWithoutContactOrFirstName_isFlagged() {
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm",
                "q-" + UUID.randomUUID(), PersonFields.newBuilder().setLastName("Volkov")
                        .setAddress("Tverskaya 1, Moskva").setCountry("RU").build())).getProfileId();

        assertThat(profiles.getProfile(Reads.get(profileId)).getQualityFlagsList())
                .extracting(dev.cdm.proto.v1.DataQualityFlag::getFlag)
                .containsExactly("missing-name", "missing-contact");
    }

    @Test
    void aPurchaseForAnUnknownCustomer_isPending_untilARecordBringsTheIdentifier() {
        PersonFields newcomer = ProfileGrpcServiceTest.ivan();
        CustomerRef byEmail = CustomerRef.newBuilder().setEmail(newcomer.getEmail()).build();
        long pendingBefore = activities.listPendingActivities(ListPendingActivitiesRequest.getDefaultInstance())
                .getTotal();

        RecordActivityResponse held = activities.recordPurchase(purchase(byEmail, "p-1", "99.00", "EUR",
                MONDAY));
        RecordActivityResponse heldAgain = activities.recordPurchase(purchase(byEmail, "p-1", "99.00", "EUR",
                MONDAY));

        assertThat(held.getOutcome()).isEqualTo(ActivityOutcome.ACTIVITY_OUTCOME_PENDING);
        assertThat(held.getProfileId()).isEmpty();
        assertThat(heldAgain.getOutcome()).isEqualTo(ActivityOutcome.ACTIVITY_OUTCOME_PENDING);
        var pending = activities.listPendingActivities(ListPendingActivitiesRequest.newBuilder().setLimit(1000)
                .build());
        assertThat(pending.getTotal()).as("held once").isEqualTo(pendingBefore + 1);
        assertThat(pending.getActivitiesList()).extracting(PendingActivity::getKind, PendingActivity::getSource,
                        PendingActivity::getIdentifierKind)
                .contains(org.assertj.core.groups.Tuple.tuple("purchase", "shop", "email"));
        assertThat(pending.toString()).doesNotContain(newcomer.getEmail()).doesNotContain("p-1");

        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web",
                "n-" + UUID.randomUUID(), newcomer)).getProfileId();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            awaitProjections();
            assertThat(profiles.getProfile(Reads.get(profileId)).getActivity().getPurchasesList())
                    .extracting(p -> p.getPurchase().getOrderId()).containsExactly("p-1");
        });
        assertThat(activities.listPendingActivities(ListPendingActivitiesRequest.getDefaultInstance())
                .getTotal()).isEqualTo(pendingBefore);
    }

    @Test
    void asOf_showsTheActivitiesRecordedByThen() {
        PersonFields ivan = ProfileGrpcServiceTest.ivan();
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm",
                "t-" + UUID.randomUUID(), ivan)).getProfileId();
        CustomerRef byProfile = CustomerRef.newBuilder().setProfileId(profileId).build();
        activities.recordPurchase(purchase(byProfile, "early", "5.00", "EUR", MONDAY));
        Instant between = Instant.now();
        sleepPastMillisecond();
        activities.recordPurchase(purchase(byProfile, "late", "6.00", "EUR", MONDAY));

        Profile then = profiles.getProfileAsOf(Reads.asOf().setProfileId(profileId).setAsOf(timestamp(between))
                .build());
        Profile now = profiles.getProfileAsOf(Reads.asOf().setProfileId(profileId)
                .setAsOf(timestamp(Instant.now())).build());

        assertThat(then.getActivity().getPurchasesList()).extracting(p -> p.getPurchase().getOrderId())
                .containsExactly("early");
        assertThat(now.getActivity().getTraits().getOrderCount()).isEqualTo(2);
    }

    @Test
    void badActivities_getEveryViolation_andAnUnknownProfileIsNotFound() {
        CustomerRef byEmail = CustomerRef.newBuilder().setEmail("someone@example.com").build();
        StatusRuntimeException purchase = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordPurchase(RecordPurchaseRequest.newBuilder().setCustomer(byEmail)
                        .setPurchase(Purchase.newBuilder().setSource("Shop!").setAmount("12.345")
                                .setCurrency("EUR").setOccurredAt(timestamp(Instant.now().plusSeconds(3600)))
                                .addItems(PurchaseItem.newBuilder().setSku("s").setQuantity(-1)))
                        .build()));
        StatusRuntimeException money = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordPurchase(purchase(byEmail, "o", "-1", "eur", MONDAY)));
        StatusRuntimeException customer = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordPurchase(purchase(CustomerRef.newBuilder().setEmail("not-an-email").build(), "o", "1",
                        "EUR", MONDAY)));
        StatusRuntimeException nobody = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordPurchase(RecordPurchaseRequest.newBuilder().setPurchase(purchase(byEmail, "o", "1", "EUR",
                        MONDAY).getPurchase()).build()));
        StatusRuntimeException contact = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordInteraction(interaction(byEmail, "", "Page View", "fax", "not a tag!", MONDAY)));
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> activities
                .recordPurchase(purchase(CustomerRef.newBuilder().setProfileId("no-such-profile").build(), "o",
                        "1", "EUR", MONDAY)));

        assertThat(ProfileGrpcServiceTest.violatedFields(purchase)).containsExactly("purchase.source",
                "purchase.order_id", "purchase.occurred_at", "purchase.amount", "purchase.items[0].quantity");
        assertThat(ProfileGrpcServiceTest.violatedFields(money)).containsExactly("purchase.currency",
                "purchase.amount");
        assertThat(ProfileGrpcServiceTest.violatedFields(customer)).containsExactly("customer.email");
        assertThat(ProfileGrpcServiceTest.violatedFields(nobody)).containsExactly("customer");
        assertThat(ProfileGrpcServiceTest.violatedFields(contact)).containsExactly(
                "interaction.interaction_id", "interaction.type", "interaction.channel", "interaction.language");
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).isEqualTo("No profile with id no-such-profile");
    }

    @Test
    void theStream_answersEveryActivityInOrder_rejectingBadOnesWithoutFailing() throws Exception {
        PersonFields ivan = ProfileGrpcServiceTest.ivan();
        String profileId = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("crm",
                "s-" + UUID.randomUUID(), ivan)).getProfileId();
        CustomerRef byPhone = CustomerRef.newBuilder().setPhone("+7" + ivan.getPhone().substring(1)
                .replaceAll("[^0-9]", "")).build();
        List<RecordActivitiesResponse> answers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<RecordActivitiesRequest> requests = ActivityServiceGrpc.newStub(channel.as("admin"))
                .recordActivities(new StreamObserver<>() {
                    @Override
                    public void onNext(RecordActivitiesResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        requests.onNext(RecordActivitiesRequest.newBuilder().setSequence(1)
                .setPurchase(purchase(byPhone, "st-1", "3.00", "EUR", MONDAY)).build());
        requests.onNext(RecordActivitiesRequest.newBuilder().setSequence(2)
                .setPurchase(purchase(byPhone, "st-2", "three", "EUR", MONDAY)).build());
        requests.onNext(RecordActivitiesRequest.newBuilder().setSequence(3)
                .setInteraction(interaction(byPhone, "st-3", "app_open", "app", "", MONDAY)).build());
        requests.onNext(RecordActivitiesRequest.newBuilder().setSequence(4).build());
        requests.onCompleted();
        done.get(30, TimeUnit.SECONDS);

        assertThat(answers).extracting(RecordActivitiesResponse::getSequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(answers.get(0).getRecorded().getProfileId()).isEqualTo(profileId);
        assertThat(answers.get(1).getRejected().getViolationsList()).extracting(FieldIssue::getField)
                .containsExactly("purchase.amount");
        assertThat(answers.get(2).getRecorded().getOutcome()).isEqualTo(ActivityOutcome.ACTIVITY_OUTCOME_RECORDED);
        assertThat(answers.get(3).getRejected().getViolationsList()).extracting(FieldIssue::getField)
                .containsExactly("activity");
    }

    static RecordPurchaseRequest purchase(CustomerRef customer, String orderId, String amount, String currency,
                                          Instant at) {
        return RecordPurchaseRequest.newBuilder().setCustomer(customer).setPurchase(Purchase.newBuilder()
                        .setSource("shop").setOrderId(orderId).setAmount(amount).setCurrency(currency)
                        .setOccurredAt(timestamp(at))
                        .addItems(PurchaseItem.newBuilder().setSku("sku-1").setName("Tea").setQuantity(2)))
                .build();
    }

    static RecordInteractionRequest interaction(CustomerRef customer, String id, String type, String channel,
                                                String language, Instant at) {
        return RecordInteractionRequest.newBuilder().setCustomer(customer).setInteraction(Interaction.newBuilder()
                .setSource("helpdesk").setInteractionId(id).setType(type).setChannel(channel).setLanguage(language)
                .setOccurredAt(timestamp(at))).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static void sleepPastMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitProjections() {
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }
}
