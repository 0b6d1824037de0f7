package dev.cdm.profile.query;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ProfileView#lookupKeys} for the views of one processor batch, each record's keys worked out once: the
 * handler compares a profile's keys before and after every event, and normalizing a record's phone number is the
 * costliest part of that, while an event changes one record at most.
 */
final class LookupKeys {

    private final Map<PersonData, Set<String>> byPerson = new HashMap<>();

    /** The same keys as {@code view.lookupKeys()}. */
    Set<String> of(ProfileView view) {
        Set<String> keys = new TreeSet<>();
        for (LinkedRecordView record : view.records()) {
            keys.addAll(byPerson.computeIfAbsent(record.person(), ProfileView::lookupKeysOf));
        }
        return keys;
    }
}
