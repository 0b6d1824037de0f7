package dev.cdm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PeopleTest {

    @Test
    void person_passesTheServicesValidation_unchanged() {
        LongStream.of(0, 1, 15, 16, 223, 999, 12_345, 99_999_999).forEach(n -> {
            PersonData person = People.person(n);
            FieldViolations violations = new FieldViolations();

            PersonData accepted = PersonFieldsMapper.toPersonData(PersonFieldsMapper.toProto(person), "person",
                    LocalDate.of(2026, 11, 23), violations);

            assertThat(violations.isEmpty()).as("violations for person %d", n).isTrue();
            assertThat(accepted).isEqualTo(person);
        });
    }

    @Test
    void person_hasDistinctEmailsAndPhones_forDistinctNumbers() {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();

        for (long n = 0; n < 2_000; n++) {
            emails.add(People.person(n).email());
            phones.add(People.person(n).phone());
        }

        assertThat(emails).hasSize(2_000);
        assertThat(phones).hasSize(2_000);
    }

    @Test
    void lookAlikes_sharingFirstNameBirthDateStreetAndNumber_areRare() {
        Set<String> lookAlikes = new HashSet<>();

        for (long n = 0; n < 100_000; n++) {
            PersonData person = People.person(n);
            String streetAndNumber = person.address().substring(0, person.address().indexOf(','));
            lookAlikes.add(person.firstName() + "|" + person.birthDate() + "|" + streetAndNumber);
        }

        // identity resolution may link such a pair (a surname change at one address); 8 of 100,000 as drawn
        assertThat(lookAlikes).hasSizeGreaterThanOrEqualTo(99_990);
    }

    @Test
    void person_isTheSame_forTheSameNumber() {
        assertThat(People.person(42)).isEqualTo(People.person(42));
    }
}
