package dev.cdm.profile.golden;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile's golden record: per field, the value its {@link SurvivorshipRule} chose among the linked records, with
 * where it came from and which records hold other values. A rectification's corrections supersede every rule
 * (they are verified values, never overwritten by a source). External ids are identifiers, not one value each:
 * the record holds all of them (a later record's id of the same type wins).
 */
public record GoldenRecord(PersonData person, List<Attribute> attributes) {

    /** The provenance of one field: the chosen record, when the profile received it, the rule, the alternates. */
    public record Attribute(String field, SourceRecordKey source, Instant receivedAt, String rule,
                            List<SourceRecordKey> alternates) {
    }

    static final String RECTIFIED = "rectified";

    /** Received last wins; on the same instant, the order is by source and record id, so it is stable. */
    private static final Comparator<LinkedRecordView> RECEIVED = Comparator
            .comparing(LinkedRecordView::receivedAt)
            .thenComparing(r -> r.key().source())
            .thenComparing(r -> r.key().sourceRecordId());

    static GoldenRecord of(List<LinkedRecordView> records, Survivorship rules) {
        Map<GoldenField, Object> values = new EnumMap<>(GoldenField.class);
        List<Attribute> attributes = new ArrayList<>();
        for (GoldenField field : GoldenField.values()) {
            List<LinkedRecordView> holders = records.stream().filter(r -> field.valueIn(r.person()) != null).toList();
            if (holders.isEmpty()) {
                continue;
            }
            List<LinkedRecordView> rectifications = holders.stream().filter(r -> r.key().correctsProfile()).toList();
            LinkedRecordView chosen;
            String rule;
            if (!rectifications.isEmpty()) {
                chosen = latest(rectifications);
                rule = RECTIFIED;
            } else {
                SurvivorshipRule survivorship = rules.ruleOf(field);
                chosen = choose(survivorship, field, holders, rules);
                rule = survivorship.kebabName();
            }
            Object value = field.valueIn(chosen.person());
            values.put(field, value);
            attributes.add(new Attribute(field.protoName(), chosen.key(), chosen.receivedAt(), rule,
                    alternates(field, holders, value)));
        }
        return new GoldenRecord(person(values, records), List.copyOf(attributes));
    }

    private static LinkedRecordView choose(SurvivorshipRule rule, GoldenField field, List<LinkedRecordView> holders,
                                           Survivorship rules) {
        return switch (rule) {
            case MOST_RECENT -> latest(holders);
            case SOURCE_RANKING -> {
                int best = holders.stream().mapToInt(r -> rules.rankOf(r.key().source())).min().orElseThrow();
                yield latest(holders.stream().filter(r -> rules.rankOf(r.key().source()) == best).toList());
            }
            case MOST_FREQUENT -> {
                Map<Object, List<LinkedRecordView>> byValue = byValue(field, holders);
                int most = byValue.values().stream().mapToInt(List::size).max().orElseThrow();
                yield byValue.values().stream().filter(group -> group.size() == most)
                        .map(GoldenRecord::latest).max(RECEIVED).orElseThrow();
            }
        };
    }

    /** For every other value, the latest record holding it, newest first. */
    private static List<SourceRecordKey> alternates(GoldenField field, List<LinkedRecordView> holders,
                                                    Object chosen) {
        return byValue(field, holders).entrySet().stream()
                .filter(entry -> !entry.getKey().equals(chosen))
                .map(entry -> latest(entry.getValue()))
                .sorted(RECEIVED.reversed())
                .map(LinkedRecordView::key)
                .toList();
    }

    private static Map<Object, List<LinkedRecordView>> byValue(GoldenField field, List<LinkedRecordView> holders) {
        Map<Object, List<LinkedRecordView>> byValue = new LinkedHashMap<>();
        holders.forEach(r -> byValue.computeIfAbsent(field.valueIn(r.person()), v -> new ArrayList<>()).add(r));
        return byValue;
    }

    private static LinkedRecordView latest(List<LinkedRecordView> records) {
        return records.stream().max(RECEIVED).orElseThrow();
    }

    private static PersonData person(Map<GoldenField, Object> values, List<LinkedRecordView> records) {
        Map<String, String> externalIds = new TreeMap<>();
        records.stream().sorted(RECEIVED).forEach(r -> externalIds.putAll(r.person().externalIds()));
        return new PersonData(
                (String) values.get(GoldenField.FIRST_NAME),
                (String) values.get(GoldenField.LAST_NAME),
                (String) values.get(GoldenField.EMAIL),
                (String) values.get(GoldenField.PHONE),
                (LocalDate) values.get(GoldenField.BIRTH_DATE),
                (String) values.get(GoldenField.ADDRESS),
                (String) values.get(GoldenField.COUNTRY),
                (String) values.get(GoldenField.POSTAL_CODE),
                (String) values.get(GoldenField.LOCALITY),
                (String) values.get(GoldenField.REGION),
                externalIds,
                Map.of(),
                Map.of());
    }
}
