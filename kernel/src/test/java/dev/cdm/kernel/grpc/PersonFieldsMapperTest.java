package dev.cdm.kernel.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import io.grpc.protobuf.StatusProto;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonFieldsMapperTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @ValueSource(strings = {"1990-03-04", "04.03.1990", "04/03/1990", "19900304"})
    void toPersonData_acceptsBirthDate_inEveryAcceptedFormat(String birthDate) {
        FieldViolations violations = new FieldViolations();

        PersonData person = map(birthDate, violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1990, 3, 4));
    }

    @Test
    void toProto_writesBirthDateInIso_whateverFormatCameIn() {
        PersonData person = map("31.12.1985", new FieldViolations());

        assertThat(PersonFieldsMapper.toProto(person).getBirthDate()).isEqualTo("1985-12-31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-02-30", "30.02.1990", "2023-02-29", "19901301"})
    void toPersonData_rejectsImpossibleBirthDate_namingTheFormats(String birthDate) {
        List<BadRequest.FieldViolation> found = violationsFor(birthDate);

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("person.birth_date");
            assertThat(v.getDescription()).contains("yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy", "yyyyMMdd")
                    .doesNotContain(birthDate);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "12-25-1985", "1990/03/04", "4.3.1990"})
    void toPersonData_rejectsUnreadableBirthDate_withoutEchoingIt(String birthDate) {
        List<BadRequest.FieldViolation> found = violationsFor(birthDate);

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("person.birth_date");
            assertThat(v.getDescription()).startsWith("is not a date in an accepted format (yyyy-MM-dd")
                    .doesNotContain(birthDate);
        });
    }

    @Test
    void toPersonData_rejectsUsMonthFirstBirthDate() {
        assertThat(violationsFor("12/25/1985")).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("person.birth_date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "31.12.1899", "24/11/2026", "20261124"})
    void toPersonData_rejectsBirthDate_outsideTheRangeInAnyFormat(String birthDate) {
        assertThat(violationsFor(birthDate)).singleElement()
                .extracting(BadRequest.FieldViolation::getDescription)
                .isEqualTo("must lie between 1900-01-01 and today");
    }

    @Test
    void toPersonData_acceptsBirthDate_onTheRangeLimits() {
        assertThat(map("01.01.1900", new FieldViolations()).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(map("23/11/2026", new FieldViolations()).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void toPersonData_leavesBirthDateEmpty_whenBlank() {
        FieldViolations violations = new FieldViolations();

        assertThat(map("  ", violations).birthDate()).isNull();
        assertThat(violations.isEmpty()).isTrue();
    }

    private static PersonData map(String birthDate, FieldViolations violations) {
        PersonFields fields = PersonFields.newBuilder().setLastName("Volkov").setBirthDate(birthDate).build();
        return PersonFieldsMapper.toPersonData(fields, "person", TODAY, violations);
    }

    private static List<BadRequest.FieldViolation> violationsFor(String birthDate) {
        FieldViolations violations = new FieldViolations();
        map(birthDate, violations);
        assertThat(violations.isEmpty()).as("a violation is expected").isFalse();
        try {
            return StatusProto.fromThrowable(violations.toException()).getDetails(0)
                    .unpack(BadRequest.class).getFieldViolationsList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void toPersonData_keepsTheOriginal_whereNormalizationChangedIt() {
        FieldViolations violations = new FieldViolations();

        PersonData person = PersonFieldsMapper.toPersonData(PersonFields.newBuilder()
                .setLastName("Volkov").setEmail(" Ivan.Volkov587@Mail.RU ").setPhone("8 943 776-70-77")
                .setBirthDate("04.03.1990").setCountry("ru").build(), "person", TODAY, violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(person.email()).isEqualTo("ivan.volkov587@mail.ru");
        assertThat(person.phone()).isEqualTo("+79437767077");
        assertThat(person.originals()).containsExactly(
                java.util.Map.entry("birth_date", "04.03.1990"), java.util.Map.entry("country", "ru"),
                java.util.Map.entry("email", "Ivan.Volkov587@Mail.RU"), java.util.Map.entry("phone", "8 943 776-70-77"));
        assertThat(person.invalid()).isEmpty();
    }

    @Test
    void toPersonData_dropsAnInvalidField_keepingItFlagged_whenAskedTo() {
        FieldViolations violations = new FieldViolations();

        PersonData person = PersonFieldsMapper.toPersonData(PersonFields.newBuilder()
                        .setLastName("Waller").setBirthDate("19991331").build(), "person", TODAY,
                InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD, violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(person.birthDate()).isNull();
        assertThat(person.originals()).containsEntry("birth_date", "19991331");
        assertThat(person.invalid().get("birth_date")).contains("yyyyMMdd").doesNotContain("19991331");
    }

    @Test
    void toPersonData_rejectsARecord_whenDroppingLeavesNothingToIdentify() {
        FieldViolations violations = new FieldViolations();

        PersonFieldsMapper.toPersonData(PersonFields.newBuilder().setEmail("not-an-email").build(), "person", TODAY,
                InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD, violations);

        assertThat(violations.list()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("person");
            assertThat(v.getDescription()).isEqualTo("no valid email, phone, last_name or external id is left");
        });
    }

    @Test
    void toPersonData_acceptsStructuredAddressAndExternalIds() {
        FieldViolations violations = new FieldViolations();

        PersonData person = PersonFieldsMapper.toPersonData(PersonFields.newBuilder()
                .setAddress(" 6 tullaroop street \n\n willaroo ").setPostalCode("4011").setLocality("st james")
                .setRegion("wa").putExternalIds("soc_sec_id", " 6988048 ").build(), "person", TODAY, violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(person.address()).isEqualTo("6 tullaroop street\nwillaroo");
        assertThat(person.postalCode()).isEqualTo("4011");
        assertThat(person.externalIds()).containsExactly(java.util.Map.entry("soc_sec_id", "6988048"));
        assertThat(PersonFieldsMapper.toProto(person).getExternalIdsMap()).containsEntry("soc_sec_id", "6988048");
    }

    @Test
    void toPersonData_rejectsMalformedExternalIdTypes() {
        FieldViolations violations = new FieldViolations();

        PersonFieldsMapper.toPersonData(PersonFields.newBuilder().setLastName("Smith")
                .putExternalIds("$ne", "x").build(), "person", TODAY, violations);

        assertThat(violations.list()).singleElement()
                .satisfies(v -> assertThat(v.getField()).isEqualTo("person.external_ids"));
    }

    @Test
    void toPersonData_dropsInvalidExternalIds_keepingTheValidOnes_whenAskedTo() {
        FieldViolations violations = new FieldViolations();

        PersonData person = PersonFieldsMapper.toPersonData(PersonFields.newBuilder().setLastName("Smith")
                        .putExternalIds("$ne", "x").putExternalIds("loyalty", "L-1").build(), "person", TODAY,
                InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD, violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(person.externalIds()).containsExactly(java.util.Map.entry("loyalty", "L-1"));
        assertThat(person.invalid()).containsOnlyKeys("external_ids");
        assertThat(person.originals()).doesNotContainKey("external_ids");
    }

    @Test
    void toPersonData_readsANationalPhone_inTheDefaultCountry_whenTheRecordHasNone() {
        PersonFields shop = PersonFields.newBuilder().setLastName("Volkov").setPhone("8 943 776-70-77").build();
        FieldViolations withDefault = new FieldViolations();
        FieldViolations withoutDefault = new FieldViolations();

        PersonData person = PersonFieldsMapper.toPersonData(shop, "person", TODAY,
                InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD, "RU", withDefault);
        PersonFieldsMapper.toPersonData(shop, "person", TODAY, InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD,
                null, withoutDefault);

        assertThat(withDefault.isEmpty()).isTrue();
        assertThat(person.phone()).isEqualTo("+79437767077");
        assertThat(person.country()).as("the record's country stays unknown").isNull();
        assertThat(withoutDefault.list()).extracting(BadRequest.FieldViolation::getField).containsExactly("person.phone");
    }
}
