package dev.cdm.profile.query;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Human summaries of profile events: they name the fields that changed, never their values. */
final class HistorySummaries {

    private static final List<Field> FIELDS = List.of(
            new Field("first_name", PersonData::firstName),
            new Field("last_name", PersonData::lastName),
            new Field("email", PersonData::email),
            new Field("phone", PersonData::phone),
            new Field("birth_date", PersonData::birthDate),
            new Field("address", PersonData::address),
            new Field("country", PersonData::country));

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

    static String linked(SourceRecordKey record) {
        return "record " + record + " linked";
    }

    static String changed(SourceRecordKey record, List<String> fields) {
        return "record " + record + " changed: " + String.join(", ", fields);
    }

    private record Field(String name, Function<PersonData, Object> value) {
    }
}
