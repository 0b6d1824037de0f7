package dev.cdm.system;

import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.SourceRecordKey;

/** Ingest requests for test people. */
final class Records {

    private Records() {
    }

    static IngestRecordRequest person(String source, String id, String lastName, String email, String country) {
        return IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(id))
                .setPerson(PersonFields.newBuilder()
                        .setFirstName("Test")
                        .setLastName(lastName)
                        .setEmail(email)
                        .setCountry(country))
                .build();
    }
}
