package dev.cdm.cli.command;

import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.output.Json;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.ExternalId;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.SourceRecordKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "find", mixinStandardHelpOptions = true,
        description = "Lists the profiles, among those the purpose may read, that hold an email, a phone number, "
                + "an external id or a source record (exit 4 when there are none).")
public final class ProfileFindCommand extends CliCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Identifier identifier;

    @Mixin
    private ReadPurposeOption purpose;

    @Mixin
    private ReadMaskOption fields;

    @Option(names = "--json", description = "Print JSON (snake_case keys).")
    private boolean json;

    static final class Identifier {
        @Option(names = "--email", paramLabel = "E", required = true)
        String email;

        @Option(names = "--phone", paramLabel = "P", required = true)
        String phone;

        @Option(names = "--external-id", paramLabel = "TYPE=VALUE", required = true,
                converter = ExternalIdConverter.class, description = "e.g. soc_sec_id=6988048")
        ExternalId externalId;

        @Option(names = "--record", paramLabel = "SOURCE/RECORD_ID", required = true,
                converter = SourceRecordKeyConverter.class, description = "e.g. crm/42")
        SourceRecordKey record;
    }

    @Override
    public Integer call() {
        FindProfilesRequest request = request();
        FindProfilesResponse response = callProfiles(profiles -> profiles.findProfiles(request));
        if (json) {
            Json.print(out(), response);
        } else if (response.getProfilesCount() == 0) {
            err().println("No profile holds " + describe() + " that may be read for " + purpose.name());
        } else {
            ProfileListing.print(out(), response.getProfilesList());
        }
        return response.getProfilesCount() == 0 ? ExitCodes.NOT_FOUND : ExitCodes.OK;
    }

    private FindProfilesRequest request() {
        FindProfilesRequest.Builder request = FindProfilesRequest.newBuilder().setPurpose(purpose.purpose())
                .setReadMask(fields.mask());
        if (identifier.email != null) {
            request.setEmail(identifier.email);
        } else if (identifier.phone != null) {
            request.setPhone(identifier.phone);
        } else if (identifier.externalId != null) {
            request.setExternalId(identifier.externalId);
        } else {
            request.setSourceRecord(identifier.record);
        }
        return request.build();
    }

    private String describe() {
        if (identifier.email != null) {
            return "email " + identifier.email;
        }
        if (identifier.phone != null) {
            return "phone " + identifier.phone;
        }
        return identifier.externalId != null
                ? "external id " + identifier.externalId.getType() + "=" + identifier.externalId.getValue()
                : "record " + Text.key(identifier.record);
    }

    /** Reads {@code TYPE=VALUE}, split at the first equals sign. */
    static final class ExternalIdConverter implements ITypeConverter<ExternalId> {
        @Override
        public ExternalId convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not TYPE=VALUE");
            }
            return ExternalId.newBuilder().setType(value.substring(0, equals)).setValue(value.substring(equals + 1))
                    .build();
        }
    }
}
