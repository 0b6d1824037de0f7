package dev.cdm.profile.activity;

import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.projection.ProjectionAdmin;
import dev.cdm.profile.api.ActivityOutcome;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileErasedException;
import dev.cdm.profile.api.ProfileMergedException;
import dev.cdm.profile.api.ProfileView;
import dev.cdm.profile.api.RecordActivityCommand;
import dev.cdm.profile.identity.IdentityIndexProjection;
import dev.cdm.profile.identity.IdentityIndexRepository;
import dev.cdm.profile.query.ProfileViewProjection;
import dev.cdm.profile.query.ProfileViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Finds the profile and record an activity belongs to and records it there; an activity whose identifier no
 * profile holds yet is held as pending ({@link PendingActivityMatcher} records it once a record brings the
 * identifier). Identifiers are looked up in the profile read model, caught up with the event store before an
 * activity is held, so that an activity is never held for a record that is already there.
 */
@ApplicationScoped
public class ActivityRecorder {

    private static final int MAX_MERGE_HOPS = 16;
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    @Inject
    CommandSender commands;

    @Inject
    ProfileViewRepository views;

    @Inject
    IdentityIndexRepository identityIndex;

    @Inject
    PendingActivityRepository pending;

    @Inject
    SuppressionKeys identifierKeys;

    @Inject
    ProjectionAdmin projections;

    @Inject
    Clock clock;

    /** What recording did, and the profile it did it in (null while pending). */
    public record Recorded(ActivityOutcome outcome, String profileId) {
    }

    /**
     * Records the activity. Throws {@link UnknownCustomerException} for a profile id that names no profile (or an
     * erased one) and for an identifier that several profiles hold.
     */
    public Recorded record(JudgedActivity judged) {
        if (judged.customer() instanceof Customer.ByProfileId byId) {
            return recordIn(byId.profileId(), null, judged.activity(), () ->
                    new UnknownCustomerException("No profile with id " + byId.profileId()));
        }
        Optional<Target> target = locate(judged.customer());
        if (target.isEmpty()) {
            // the record may be stored but not yet in the read models
            catchUp();
            target = locate(judged.customer());
        }
        if (target.isPresent()) {
            return recordIn(target.get(), judged.activity());
        }
        String key = pendingKey(judged.customer());
        PendingActivityRepository.Pending held = pending.hold(judged.customer().kind(), key, judged.activity(),
                clock.instant());
        // a record with the identifier may have arrived between the lookup and the hold: look once more
        catchUp();
        target = locate(judged.customer());
        if (target.isEmpty()) {
            return new Recorded(ActivityOutcome.PENDING, null);
        }
        Recorded recorded = recordIn(target.get(), judged.activity());
        boolean matcherRecordedIt = !pending.release(held.id());
        return matcherRecordedIt && recorded.outcome() == ActivityOutcome.DUPLICATE
                ? new Recorded(ActivityOutcome.RECORDED, recorded.profileId()) : recorded;
    }

    /** Records a held activity in the profile that now holds its record. */
    Recorded recordHeld(String profileId, SourceRecordKey record, Activity activity) {
        return recordIn(profileId, record, activity, () -> new UnknownCustomerException(
                "Profile " + profileId + " is gone (erased)"));
    }

    /** The keyed HMAC under which an activity for {@code customer} is held. */
    String pendingKey(Customer customer) {
        String lookup;
        if (customer instanceof Customer.ByIdentifier identifier) {
            lookup = identifier.lookupKey();
        } else if (customer instanceof Customer.ByRecord record) {
            lookup = record.lookupKey();
        } else {
            throw new IllegalArgumentException("A profile id is never pending");
        }
        return identifierKeys.keyed(List.of(lookup)).get(0);
    }

    private Optional<Target> locate(Customer customer) {
        if (customer instanceof Customer.ByRecord byRecord) {
            return identityIndex.route(byRecord.record()).map(profileId -> new Target(profileId, byRecord.record()));
        }
        return single((Customer.ByIdentifier) customer);
    }

    private Optional<Target> single(Customer.ByIdentifier identifier) {
        List<ProfileView> holders = views.findByLookupKey(identifier.lookupKey()).stream()
                .filter(view -> view.mergedInto() == null)
                .toList();
        if (holders.size() > 1) {
            throw new UnknownCustomerException("Several profiles hold this " + identifier.kind()
                    + "; name one by profile id: " + String.join(", ", holders.stream()
                    .map(ProfileView::profileId).sorted().toList()));
        }
        return holders.stream().findFirst().map(view -> new Target(view.profileId(), view.records().stream()
                .filter(record -> ProfileView.lookupKeysOf(record.person()).contains(identifier.lookupKey()))
                .max(Comparator.comparing(LinkedRecordView::receivedAt))
                .map(LinkedRecordView::key)
                .orElse(null)));
    }

    private Recorded recordIn(Target target, Activity activity) {
        return recordIn(target.profileId(), target.record(), activity, () ->
                new UnknownCustomerException("The profile holding this customer's identifier is gone (erased)"));
    }

    private Recorded recordIn(String profileId, SourceRecordKey record, Activity activity,
                              java.util.function.Supplier<UnknownCustomerException> gone) {
        String current = profileId;
        for (int hop = 0; ; hop++) {
            try {
                ActivityOutcome outcome = commands.send(new RecordActivityCommand(current, record, activity));
                return new Recorded(outcome, current);
            } catch (RuntimeException e) {
                ProfileMergedException merged = cause(e, ProfileMergedException.class);
                if (merged != null && hop < MAX_MERGE_HOPS) {
                    current = merged.survivorProfileId();
                    continue;
                }
                if (cause(e, AggregateNotFoundException.class) != null
                        || cause(e, ProfileErasedException.class) != null) {
                    throw gone.get();
                }
                throw e;
            }
        }
    }

    private void catchUp() {
        try {
            projections.catchUp(ProfileViewProjection.NAME, CATCH_UP);
            projections.catchUp(IdentityIndexProjection.NAME, CATCH_UP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The profile and (when known) the record that holds the customer's identifier. */
    private record Target(String profileId, SourceRecordKey record) {
    }
}
