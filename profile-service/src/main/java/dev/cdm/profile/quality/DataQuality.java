package dev.cdm.profile.quality;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data-quality flags of a profile, computed from its golden record and records on every read (so a changed
 * threshold needs no replay): key fields missing, invalid values kept from sources, and staleness.
 */
@ApplicationScoped
public class DataQuality {

    public static final String MISSING_NAME = "missing-name";
    public static final String MISSING_CONTACT = "missing-contact";
    public static final String INVALID_VALUES = "invalid-values";
    public static final String STALE = "stale";
    /** The staleness flag's detail for a reader who may not see the activity, whose last date it may give. */
    public static final String STALE_WITHOUT_DATE = "not updated for longer than the stale period";

    /** One problem: the flag, the fields it concerns and one line for people. */
    public record Flag(String flag, List<String> fields, String detail) {
    }

    private final Duration staleAfter;
    private final Clock clock;

    @Inject
    public DataQuality(@ConfigProperty(name = "cdm.quality.stale-after", defaultValue = "P365D") Duration staleAfter,
                       Clock clock) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("cdm.quality.stale-after must be positive, got " + staleAfter);
        }
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** The flags of {@code view}, whose golden record is {@code person}, in a fixed order. */
    public List<Flag> of(ProfileView view, PersonData person, Instant lastSeen) {
        List<Flag> flags = new ArrayList<>();
        if (view.mergedInto() != null) {
            return flags;
        }
        List<String> names = new ArrayList<>();
        if (person.firstName() == null) {
            names.add("first_name");
        }
        if (person.lastName() == null) {
            names.add("last_name");
        }
        if (!names.isEmpty()) {
            flags.add(new Flag(MISSING_NAME, names, "no " + String.join(" and no ", names)));
        }
        if (person.email() == null && person.phone() == null) {
            flags.add(new Flag(MISSING_CONTACT, List.of("email", "phone"), "neither an email nor a phone"));
        }
        TreeSet<String> invalid = new TreeSet<>();
        for (LinkedRecordView record : view.records()) {
            invalid.addAll(record.person().invalid().keySet());
        }
        if (!invalid.isEmpty()) {
            flags.add(new Flag(INVALID_VALUES, List.copyOf(invalid), invalid.size() == 1
                    ? "1 field has a value kept as sent, not used" : invalid.size()
                    + " fields have values kept as sent, not used"));
        }
        Instant latest = lastSeen != null && lastSeen.isAfter(view.updatedAt()) ? lastSeen : view.updatedAt();
        if (latest.isBefore(clock.instant().minus(staleAfter))) {
            flags.add(new Flag(STALE, List.of(), "not updated since "
                    + latest.atOffset(ZoneOffset.UTC).toLocalDate()));
        }
        return flags;
    }
}
