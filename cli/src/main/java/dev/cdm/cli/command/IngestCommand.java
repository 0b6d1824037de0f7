package dev.cdm.cli.command;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.SourceRecordKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Sends one customer record to the ingestion service; prints the profile it landed in.")
public final class IngestCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "S", description = "Source system, e.g. crm or webshop.")
    private String source;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The record's id in its source system.")
    private String recordId;

    @Option(names = "--first-name", paramLabel = "NAME")
    private String firstName = "";

    @Option(names = "--last-name", paramLabel = "NAME")
    private String lastName = "";

    @Option(names = "--email", paramLabel = "EMAIL")
    private String email = "";

    @Option(names = "--phone", paramLabel = "PHONE", description = "Preferably E.164, e.g. +4930123456.")
    private String phone = "";

    @Option(names = "--birth-date", paramLabel = "DATE", description = "yyyy-MM-dd")
    private String birthDate = "";

    @Option(names = "--address", paramLabel = "TEXT")
    private String address = "";

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code, e.g. DE.")
    private String country = "";

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    @Override
    public Integer call() {
        IngestRecordRequest request = IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(recordId))
                .setPerson(PersonFields.newBuilder().setFirstName(firstName).setLastName(lastName).setEmail(email)
                        .setPhone(phone).setBirthDate(birthDate).setAddress(address).setCountry(country))
                .build();
        IngestRecordResponse response;
        try (ServiceClients clients = clients()) {
            response = clients.call(PlatformService.INGESTION,
                    channel -> IngestionServiceGrpc.newBlockingStub(channel).ingestRecord(request));
        }
        if (json) {
            Json.print(out(), response);
        } else {
            out().println("profile " + response.getProfileId() + " " + EnumNames.kebab(response.getOutcome()));
        }
        return 0;
    }
}
