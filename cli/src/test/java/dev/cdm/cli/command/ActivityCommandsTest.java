package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityCommandsTest {

    @TempDir
    Path data;

    private final FakeActivities activities = new FakeActivities();
    private final FakeProjectionAdmin projections = new FakeProjectionAdmin();
    private FakeGrpcServer server;

    @BeforeEach
    void startFakeServices() {
        server = FakeGrpcServer.serving(activities, projections);
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));
    }

    @AfterEach
    void stopFakeServices() throws InterruptedException {
        server.close();
    }

    @Test
    void purchase_sendsTheOrderWithItsItems_andSaysWhereItWasRecorded() {
        Result result = new CliRunner(data).run("purchase", "--profile", "p-1", "--order", "O-1", "--amount",
                "12.50", "--currency", "EUR", "--at", "2026-12-01T10:15:00Z", "--item", "tea:2:6.25");

        assertThat(result.exitCode()).isZero();
        Purchase sent = activities.purchases.get(0).getPurchase();
        assertThat(activities.purchases.get(0).getCustomer().getProfileId()).isEqualTo("p-1");
        assertThat(sent.getSource()).isEqualTo("shop");
        assertThat(sent.getOrderId()).isEqualTo("O-1");
        assertThat(sent.getAmount()).isEqualTo("12.50");
        assertThat(sent.getCurrency()).isEqualTo("EUR");
        assertThat(sent.getOccurredAt().getSeconds())
                .isEqualTo(Instant.parse("2026-12-01T10:15:00Z").getEpochSecond());
        assertThat(sent.getItemsList()).containsExactly(PurchaseItem.newBuilder().setSku("tea").setQuantity(2)
                .setUnitPrice("6.25").build());
        assertThat(result.out()).isEqualTo("purchase recorded in profile p-1\n");
    }

    @Test
    void interaction_forACustomerNobodyHolds_saysItIsPending() {
        Result result = new CliRunner(data).run("interaction", "--email", "nobody@example.com", "--id", "T-7",
                "--type", "support_ticket", "--channel", "email", "--language", "de");

        assertThat(result.exitCode()).isZero();
        assertThat(activities.interactions.get(0).getInteraction().getLanguage()).isEqualTo("de");
        assertThat(activities.interactions.get(0).getInteraction().getSource()).isEqualTo("web");
        assertThat(result.out()).startsWith("interaction pending: no profile holds this customer yet");
    }

    @Test
    void purchase_needsExactlyOneCustomer_andWellFormedItems() {
        Result two = new CliRunner(data).run("purchase", "--profile", "p-1", "--email", "a@example.com",
                "--order", "O-1", "--amount", "1", "--currency", "EUR");
        Result none = new CliRunner(data).run("purchase", "--order", "O-1", "--amount", "1", "--currency", "EUR");
        Result item = new CliRunner(data).run("purchase", "--profile", "p-1", "--order", "O-1", "--amount", "1",
                "--currency", "EUR", "--item", "tea");

        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(item.exitCode()).isEqualTo(2);
        assertThat(item.err()).contains("'tea' is not SKU:QUANTITY[:UNIT_PRICE]");
        assertThat(activities.purchases).isEmpty();
    }

    @Test
    void importPurchases_streamsEveryRow_countsOutcomes_andKeepsEveryReject_withoutValues() throws IOException {
        Path file = Files.writeString(data.resolve("orders.csv"), String.join("\n",
                "order_id,email,profile_id,amount,currency,occurred_at,items",
                "O-1,ada@example.com,,12.50,EUR,2026-11-30T09:00:00+01:00,tea:2:6.25",
                "O-2,nobody@example.com,,3.00,EUR,,",
                "O-3,,p-1,oops,EUR,,",
                "O-4,,,1.00,EUR,,",
                "O-5,ada@example.com,,1.00,EUR,yesterday,") + "\n");

        Result result = new CliRunner(data).run("import", "--kind", "purchases", "--source", "webshop",
                file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(activities.streamed).extracting(RecordActivitiesRequest::getSequence)
                .containsExactly(1L, 2L, 3L);
        Purchase first = activities.streamed.get(0).getPurchase().getPurchase();
        assertThat(first.getSource()).isEqualTo("webshop");
        assertThat(first.getOccurredAt().getSeconds()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z")
                .getEpochSecond());
        assertThat(first.getItems(0).getQuantity()).isEqualTo(2);
        assertThat(result.out()).containsPattern("read +5\n").containsPattern("recorded +1\n")
                .containsPattern("pending +1\n").containsPattern("rejected +3\n")
                .containsPattern("3 +O-3 +1 invalid field +purchase.amount")
                .containsPattern("4 +O-4 +not sent +customer")
                .containsPattern("5 +O-5 +not sent +occurred_at");
        assertThat(result.out() + result.err()).doesNotContain("ada@example.com", "nobody@example.com");
        assertThat(projections.awaited).hasValue(1);
        Path rejects;
        try (Stream<Path> files = Files.list(data.resolve("imports"))) {
            rejects = files.filter(f -> f.toString().endsWith(".rejects.jsonl")).findFirst().orElseThrow();
        }
        List<JsonNode> kept = Files.readAllLines(rejects).stream().map(ActivityCommandsTest::json).toList();
        assertThat(kept).extracting(row -> row.get("line").asLong()).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(Files.readString(rejects)).doesNotContain("ada@example.com");
    }

    @Test
    void importWithAMapping_isForRecordsOnly() throws IOException {
        Path file = Files.writeString(data.resolve("orders.csv"), "order_id,email\nO-1,a@example.com\n");

        Result result = new CliRunner(data).run("import", "--kind", "purchases", "--mapping", "m.json",
                file.toString());
        Result unknown = new CliRunner(data).run("import", "--kind", "refunds", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--mapping is for customer records");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'refunds' is not one of [records, purchases, interactions]");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
