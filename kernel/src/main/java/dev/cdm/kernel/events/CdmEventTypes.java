package dev.cdm.kernel.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the platform, by its stored name. Add a new event here. */
public final class CdmEventTypes {

    public static final List<Class<?>> ALL = List.of(
            ProfileCreatedEvent.class,
            SourceRecordLinkedEvent.class,
            SourceRecordChangedEvent.class,
            ProfilesMergedEvent.class,
            ProfileMergedIntoEvent.class,
            SourceRecordsSplitEvent.class,
            ActivityRecordedEvent.class,
            ProfileErasedEvent.class,
            ConsentRecordedEvent.class,
            SaleOptOutRecordedEvent.class,
            ConsentsMergedIntoEvent.class,
            ConsentsAdoptedEvent.class,
            ProcessingRestrictedEvent.class,
            ProcessingRestrictionLiftedEvent.class,
            LegalHoldPlacedEvent.class,
            LegalHoldReleasedEvent.class,
            ErasureRequestedEvent.class,
            DataKeysDestroyedEvent.class,
            ErasureAcknowledgedEvent.class,
            ErasureCompletedEvent.class,
            RestrictionRequestedEvent.class,
            SubjectDataExportedEvent.class,
            RectificationRequestedEvent.class,
            RectificationAppliedEvent.class,
            IdentifiersSuppressedEvent.class,
            PersonalDataReadEvent.class,
            ConsentsReadEvent.class,
            ConsentCheckedEvent.class,
            RecordsReadEvent.class);

    private static final Map<String, Class<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(CdmEventTypes::storedName, Function.identity()));

    private CdmEventTypes() {
    }

    public static String storedName(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type.value();
    }

    /** The event class stored under {@code name}, or null when the name is not an event type of ours. */
    public static Class<?> forStoredName(String name) {
        return BY_NAME.get(name);
    }
}
