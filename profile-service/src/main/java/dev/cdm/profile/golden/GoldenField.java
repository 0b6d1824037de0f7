package dev.cdm.profile.golden;

import dev.cdm.kernel.events.PersonData;
import java.util.function.Function;

/** The single-valued person fields the golden record chooses, by their PersonFields names. */
enum GoldenField {
    FIRST_NAME("first_name", PersonData::firstName),
    LAST_NAME("last_name", PersonData::lastName),
    EMAIL("email", PersonData::email),
    PHONE("phone", PersonData::phone),
    BIRTH_DATE("birth_date", PersonData::birthDate),
    ADDRESS("address", PersonData::address),
    COUNTRY("country", PersonData::country),
    POSTAL_CODE("postal_code", PersonData::postalCode),
    LOCALITY("locality", PersonData::locality),
    REGION("region", PersonData::region);

    private final String protoName;
    private final Function<PersonData, Object> value;

    GoldenField(String protoName, Function<PersonData, Object> value) {
        this.protoName = protoName;
        this.value = value;
    }

    String protoName() {
        return protoName;
    }

    /** The field's value in {@code person}, or null. */
    Object valueIn(PersonData person) {
        return value.apply(person);
    }
}
