package dev.cdm.profile.query;

import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Human summaries of profile events: they name the fields that changed, never their values. */
final class HistorySummaries {

    private static final List<Field> FIELDS = List.of(
            new Field("first_name", PersonData::firstName),
            new Field("last_name", PersonData::lastName),
            new Field("email", PersonData::email),
            new Field("phone", PersonData::phone),
            new Field("birth_date", PersonData::birthDate),
            new Field("address", PersonData::address),
            new Field("country", PersonData::country),
            new Field("postal_code", PersonData::postalCode),
            new Field("locality", PersonData::locality),
            new Field("region", PersonData::region),
            new Field("external_ids", PersonData::externalIds));

    private HistorySummaries() {
    }

    /** The (proto) names of the fields whose values differ between {@code before} and {@code after}. */
    static List<String> changedFields(PersonData before, PersonData after) {
        PersonData old = before != null ? before : PersonData.empty();
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value().apply(old), field.value().apply(after))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    static String created(SourceRecordKey founder) {
        return "profile created by record " + founder;
    }

    static String linked(SourceRecordKey record, LinkDecision decision) {
        if (LinkDecision.RULE_FOUNDING.equals(decision.rule())) {
            return "record " + record + " linked";
        }
        if (LinkDecision.RULE_SPLIT.equals(decision.rule())) {
            return "record " + record + " linked: split from profile " + decision.fromProfileId();
        }
        if (LinkDecision.RULE_RECTIFICATION.equals(decision.rule())) {
            return "rectified by request " + decision.note() + " (GDPR Art. 16): its values supersede the sources'";
        }
        return String.format(Locale.ROOT, "record %s linked: %s match with %s, score %.1f", record, decision.rule(),
                decision.matchedRecord(), decision.score());
    }

    static String merged(ProfilesMergedEvent merged) {
        return String.format(Locale.ROOT, "profile %s merged in (%d records), bridged by a match with %s, score %.1f",
                merged.mergedProfileId(), merged.records().size(), merged.reason().matchedRecord(),
                merged.reason().score());
    }

    /** Names the kind and the source, not the activity's id or what it says (personal data). */
    static String activity(ActivityRecordedEvent recorded) {
        return recorded.activity().kind() + " from " + recorded.activity().source() + " recorded for record "
                + recorded.record();
    }

    static String retired(ProfileMergedIntoEvent retired) {
        return "merged into profile " + retired.survivorProfileId();
    }

    static String split(SourceRecordsSplitEvent split) {
        return "records " + split.records().stream().map(SourceRecordKey::toString).collect(Collectors.joining(", "))
                + " split off into profile " + split.newProfileId();
    }

    static String changed(SourceRecordKey record, List<String> fields) {
        return "record " + record + " changed: " + String.join(", ", fields);
    }

    private record Field(String name, Function<PersonData, Object> value) {
    }
}
