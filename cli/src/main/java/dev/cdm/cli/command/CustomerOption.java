package dev.cdm.cli.command;

import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.SourceRecordKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Whose activity it is: exactly one of a profile id, an email, a phone or a source record. */
final class CustomerOption {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Choice choice;

    static final class Choice {
        @Option(names = "--profile", paramLabel = "ID", description = "The customer's profile id.")
        private String profileId;

        @Option(names = "--email", paramLabel = "EMAIL", description = "An email of the customer.")
        private String email;

        @Option(names = "--phone", paramLabel = "PHONE", description = "A phone of the customer, E.164.")
        private String phone;

        @Option(names = "--record", paramLabel = "SOURCE/ID", converter = SourceRecordKeyConverter.class,
                description = "One of the customer's source records.")
        private SourceRecordKey record;
    }

    CustomerRef toProto() {
        CustomerRef.Builder customer = CustomerRef.newBuilder();
        if (choice.profileId != null) {
            customer.setProfileId(choice.profileId);
        } else if (choice.email != null) {
            customer.setEmail(choice.email);
        } else if (choice.phone != null) {
            customer.setPhone(choice.phone);
        } else {
            customer.setSourceRecord(choice.record);
        }
        return customer.build();
    }
}
