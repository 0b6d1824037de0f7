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

    @Inject
    Clock clock;

    @ConfigProperty(name = "cdm.identity.default-country")
    Optional<String> defaultCountry;

    public PersonData toPersonData(PersonFields fields, InvalidFieldPolicy policy, FieldViolations violations) {
        return PersonFieldsMapper.toPersonData(fields, "person", LocalDate.now(clock), policy,
                defaultCountry.map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).orElse(null),
                violations);
    }
}
