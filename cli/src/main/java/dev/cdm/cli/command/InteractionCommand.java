package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.Interaction;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordInteractionRequest;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "interaction", mixinStandardHelpOptions = true,
        description = {"Records one interaction (a support ticket, a web or app event) in the customer's profile.",
                "Example: cdm interaction --email a@b.de --id T-7 --type support_ticket --channel email"})
public final class InteractionCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    private CustomerOption customer;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Unique in its source.")
    private String interactionId;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "e.g. support_ticket, page_view.")
    private String type;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL",
            description = "web, app, email, sms, phone, store, chat, social or other.")
    private String channel;

    @Option(names = "--language", paramLabel = "TAG", defaultValue = "", description = "BCP 47, e.g. de.")
    private String language;

    @Option(names = "--at", paramLabel = "TIME",
            description = "When it happened, ISO-8601 (default: now).")
    private Instant at;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "web",
            description = "The system that saw it (default: ${DEFAULT-VALUE}).")
    private String source;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        Interaction.Builder interaction = Interaction.newBuilder().setSource(source).setInteractionId(interactionId)
                .setType(type).setChannel(channel).setLanguage(language);
        if (at != null) {
            interaction.setOccurredAt(Text.timestamp(at));
        }
        RecordInteractionRequest request = RecordInteractionRequest.newBuilder().setCustomer(customer.toProto())
                .setInteraction(interaction).build();
        RecordActivityResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.PROFILE,
                    channel -> ActivityServiceGrpc.newBlockingStub(channel).recordInteraction(request));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println(ActivityText.of("interaction", response));
        }
        return 0;
    }
}
