package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "purchase", mixinStandardHelpOptions = true,
        description = {"Records one purchase in the profile of the customer it names; a customer no profile holds"
                + " yet is pending until a record brings the identifier.",
                "Example: cdm purchase --profile ID --order O-1 --amount 12.50 --currency EUR"})
public final class PurchaseCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private CustomerOption customer;

    @Option(names = "--order", required = true, paramLabel = "ID", description = "The order id, unique in its source.")
    private String orderId;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 12.50")
    private String amount;

    @Option(names = "--currency", required = true, paramLabel = "CODE", description = "ISO 4217, e.g. EUR.")
    private String currency;

    @Option(names = "--at", paramLabel = "TIME",
            description = "When it was bought, ISO-8601 (default: now), e.g. 2026-12-01T10:15:00Z.")
    private Instant at;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "shop",
            description = "The system that sold (default: ${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--item", paramLabel = "SKU:QTY[:PRICE]", converter = ItemConverter.class,
            description = "One line of the order; repeat for more.")
    private List<PurchaseItem> items = List.of();

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        Purchase.Builder purchase = Purchase.newBuilder().setSource(source).setOrderId(orderId).setAmount(amount)
                .setCurrency(currency).addAllItems(items);
        if (at != null) {
            purchase.setOccurredAt(Text.timestamp(at));
        }
        RecordPurchaseRequest request = RecordPurchaseRequest.newBuilder().setCustomer(customer.toProto())
                .setPurchase(purchase).build();
        RecordActivityResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.PROFILE,
                    channel -> ActivityServiceGrpc.newBlockingStub(channel).recordPurchase(request));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println(ActivityText.of("purchase", response));
        }
        return 0;
    }

    static final class ItemConverter implements ITypeConverter<PurchaseItem> {
        @Override
        public PurchaseItem convert(String value) {
            String[] parts = value.split(":");
            if (parts.length < 2 || parts.length > 3 || !parts[1].matches("[0-9]{1,7}")) {
                throw new TypeConversionException("'" + value + "' is not SKU:QUANTITY[:UNIT_PRICE]");
            }
            PurchaseItem.Builder item = PurchaseItem.newBuilder().setSku(parts[0])
                    .setQuantity(Integer.parseInt(parts[1]));
            if (parts.length == 3) {
                item.setUnitPrice(parts[2]);
            }
            return item.build();
        }
    }
}
