package dev.cdm.kernel.grpc;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link PersonFieldsMapper} with this deployment's settings: today's date from the service clock, and
 * {@code cdm.identity.default-country}, the country in which a national phone number of a record without a country
 * is read (e.g. {@code RU} for a shop that only sells in Russia). Every service that accepts person fields judges
 * them here, so they agree.
 */
@ApplicationScoped
public class PersonRules {

    private static final String CORRECTIONS = "corrections";

    @Inject
    Clock clock;

    @ConfigProperty(name = "cdm.identity.default-country")
    Optional<String> defaultCountry;

    public PersonData toPersonData(PersonFields fields, InvalidFieldPolicy policy, FieldViolations violations) {
        return PersonFieldsMapper.toPersonData(fields, "person", LocalDate.now(clock), policy, defaultCountry(),
                violations);
    }

    /**
     * The corrections of a profile (GDPR Art. 16), judged like a record's fields and reported under
     * {@code corrections}; unlike a record, any one field will do (an address alone, say).
     */
    public PersonData corrections(PersonFields fields, FieldViolations violations) {
        FieldViolations judged = new FieldViolations();
        PersonData person = PersonFieldsMapper.toPersonData(fields, CORRECTIONS, LocalDate.now(clock),
                InvalidFieldPolicy.INVALID_FIELD_POLICY_REJECT_RECORD, defaultCountry(), judged);
        judged.list().stream()
                .filter(violation -> !violation.getField().equals(CORRECTIONS))
                .forEach(violation -> violations.add(violation.getField(), violation.getDescription()));
        return person;
    }

    private String defaultCountry() {
        return defaultCountry.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).orElse(null);
    }
}
