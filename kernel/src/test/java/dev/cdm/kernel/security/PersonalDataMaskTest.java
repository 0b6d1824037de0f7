package dev.cdm.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.proto.v1.InvalidValue;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.PersonalData;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.SourceRecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataMaskTest {

    private final PersonalDataMask mask = new PersonalDataMask();

    private static final PersonFields IVAN = PersonFields.newBuilder()
            .setFirstName("Иван").setLastName("Волков").setEmail("ivan.volkov587@mail.ru")
            .setPhone("+79437767077").setBirthDate("1987-03-14").setAddress("ул. Ленина, 5")
            .setPostalCode("101000").setLocality("Москва").setRegion("Москва").setCountry("RU")
            .putExternalIds("loyalty", "L-0047").build();

    @Test
    void masksEveryPersonalFieldByItsKindAndKeepsTheOthers() {
        PersonFields masked = mask.mask(IVAN);

        assertThat(masked.getFirstName()).isEqualTo("И***");
        assertThat(masked.getLastName()).isEqualTo("В***");
        assertThat(masked.getEmail()).isEqualTo("i***@mail.ru");
        assertThat(masked.getPhone()).isEqualTo("+7 *** ***-70-77");
        assertThat(masked.getBirthDate()).isEqualTo("****-**-**");
        assertThat(masked.getAddress()).isEqualTo("***");
        assertThat(masked.getPostalCode()).isEqualTo("***");
        assertThat(masked.getLocality()).isEqualTo("***");
        assertThat(masked.getExternalIdsMap()).containsExactly(java.util.Map.entry("loyalty", "***47"));
        assertThat(masked.getRegion()).as("a region does not identify a person").isEqualTo("Москва");
        assertThat(masked.getCountry()).isEqualTo("RU");
    }

    @Test
    void descendsIntoNestedAndRepeatedMessagesAndLeavesTheRestAlone() {
        Profile profile = Profile.newBuilder().setProfileId("p-1").setVersion(3).setPerson(IVAN)
                .addSourceRecords(LinkedSourceRecord.newBuilder()
                        .setKey(SourceRecordKey.newBuilder().setSource("shop").setSourceRecordId("r-1"))
                        .setPerson(IVAN)
                        .addInvalidValues(InvalidValue.newBuilder().setField("birth_date").setValue("31.02.1987")
                                .setReason("no such date")))
                .build();

        Profile masked = mask.mask(profile);

        assertThat(masked.getProfileId()).isEqualTo("p-1");
        assertThat(masked.getVersion()).isEqualTo(3);
        assertThat(masked.getPerson().getEmail()).isEqualTo("i***@mail.ru");
        LinkedSourceRecord record = masked.getSourceRecords(0);
        assertThat(record.getKey().getSourceRecordId()).isEqualTo("r-1");
        assertThat(record.getPerson().getFirstName()).isEqualTo("И***");
        assertThat(record.getInvalidValues(0).getValue()).isEqualTo("***");
        assertThat(record.getInvalidValues(0).getReason()).isEqualTo("no such date");
        assertThat(masked.toString()).doesNotContain("Иван", "volkov", "7767077", "1987", "Ленина", "101000");
    }

    @Test
    void aMessageWithoutPersonalDataIsReturnedAsItIs() {
        SourceRecordKey key = SourceRecordKey.newBuilder().setSource("shop").setSourceRecordId("r-1").build();

        assertThat(mask.mask(key)).isSameAs(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PERSONAL_DATA_PHONE      | +1 312 555 0188   | +1 ***-***-0188",
        "PERSONAL_DATA_PHONE      | 8 943 776-70-77   | ***77",
        "PERSONAL_DATA_PHONE      | 12                | ***",
        "PERSONAL_DATA_EMAIL      | not-an-address    | ***",
        "PERSONAL_DATA_NAME       | 𝒜nna              | 𝒜***",
        "PERSONAL_DATA_IDENTIFIER | 7                 | ***",
    })
    void masksValuesOfEveryShape(PersonalData kind, String value, String expected) {
        assertThat(PersonalDataMask.masked(kind, value)).isEqualTo(expected);
    }

    @Test
    void anEmptyValueStaysEmpty() {
        assertThat(mask.mask(PersonFields.getDefaultInstance())).isEqualTo(PersonFields.getDefaultInstance());
    }
}
