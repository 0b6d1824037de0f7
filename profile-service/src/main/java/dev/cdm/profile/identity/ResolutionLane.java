package dev.cdm.profile.identity;

import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.DataSubjects;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.projection.ProjectionAdmin;
import dev.cdm.profile.api.AbsorbProfileCommand;
import dev.cdm.profile.api.FoundProfileCommand;
import dev.cdm.profile.api.FoundSplitProfileCommand;
import dev.cdm.profile.api.MergeIntoCommand;
import dev.cdm.profile.api.ProfileErasedException;
import dev.cdm.profile.api.RectifyProfileCommand;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import dev.cdm.profile.api.SplitOffRecordsCommand;
import io.grpc.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single place where profile membership changes: resolutions of new records, updates of known ones and splits
 * all pass through one thread, in order, so two records of one person arriving together can never both found a
 * profile. Work queued while a batch runs forms the next batch: it is resolved against the match index, the lane's
 * own committed changes the {@code identity-index} projection has not applied yet ({@link PendingChanges}) and the
 * batch's own decisions ({@link IdentityWorkspace}), and its commands commit in one event store transaction. So the
 * lane never waits for the projection, except after a start or during a replay of the index.
 *
 * <p>A batch that fails as a whole is rolled back and its items are retried one by one, so one bad item fails
 * alone. One profile-service instance runs the lane; more replicas would need a leader election (not built).
 */
@ApplicationScoped
public class ResolutionLane {

    private static final Logger LOG = Logger.getLogger(ResolutionLane.class);
    private static final Duration INDEX_WAIT = Duration.ofMinutes(5);
    /** How many erased profiles in a row one record may have founded before it is refused. */
    private static final int MAX_REFOUNDINGS = 16;

    @Inject
    IdentityIndexRepository index;

    @Inject
    MatchPolicy policy;

    @Inject
    CommandGateway commands;

    @Inject
    Configuration axon;

    @Inject
    ProjectionAdmin projections;

    @Inject
    Clock clock;

    @Inject
    DataKeys dataKeys;

    @ConfigProperty(name = "cdm.identity.batch-size", defaultValue = "500")
    int batchSize;

    /** Groups of items, each queued at once, so a caller's batch is never split by the worker's first poll. */
    private final BlockingQueue<List<? extends Item<?>>> queue = new LinkedBlockingQueue<>();
    private final PendingChanges pending = new PendingChanges();
    private IdentityResolver resolver;
    private Thread worker;
    private volatile boolean running;
    /** The event store head after the lane's last commit; unknown until the first batch, which takes the head. */
    private long committedHead = UNKNOWN;
    private static final long UNKNOWN = Long.MIN_VALUE;

    /** A record to resolve, as the profile service received it. */
    public record Registration(SourceRecordKey key, PersonData person, Instant receivedAt) {
    }

    /** What a registration did. */
    public record Registered(String profileId, RegistrationOutcome outcome, List<String> mergedProfileIds) {
    }

    /** What a split did. */
    public record Split(String profileId, String newProfileId) {
    }

    void start(@Observes StartupEvent event) {
        resolver = new IdentityResolver(policy);
        running = true;
        worker = new Thread(this::run, "resolution-lane");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    public CompletableFuture<Registered> register(Registration registration) {
        return registerAll(List.of(registration)).get(0);
    }

    /** Queues the registrations together, in order; one future per registration. */
    public List<CompletableFuture<Registered>> registerAll(List<Registration> registrations) {
        List<Item<Registered>> items = registrations.stream().map(Item::registration).toList();
        enqueue(items);
        return items.stream().map(i -> i.result).toList();
    }

    public CompletableFuture<Split> split(String profileId, List<SourceRecordKey> records, String reason) {
        Item<Split> item = new Item<>(null, batch -> batch.split(profileId, records, reason));
        enqueue(List.of(item));
        return item.result;
    }

    /**
     * Attaches the corrections of data-subject request {@code requestId} to the profile as its rectification record
     * (GDPR Art. 16); sent again, the same record is updated.
     */
    public CompletableFuture<Registered> rectify(String profileId, String requestId, PersonData corrections) {
        Registration registration = new Registration(SourceRecordKey.rectification(requestId), corrections,
                clock.instant());
        IndexedRecord record = IndexedRecord.of(registration.key(), corrections);
        LinkDecision decision = new LinkDecision(LinkDecision.RULE_RECTIFICATION, null, 0, List.of(), null,
                requestId);
        Item<Registered> item = new Item<>(record, batch -> batch.rectify(profileId, registration, record, decision));
        enqueue(List.of(item));
        return item.result;
    }

    private void enqueue(List<? extends Item<?>> items) {
        if (!running) {
            throw new IllegalStateException("The resolution lane is not running");
        }
        queue.add(List.copyOf(items));
    }

    private void run() {
        while (running) {
            try {
                List<? extends Item<?>> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Item<?>> items = new ArrayList<>(first);
                while (items.size() < batchSize && queue.peek() != null) {
                    items.addAll(queue.poll());
                }
                runBatch(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Resolution lane batch failed unexpectedly", e);
            }
        }
    }

    private void runBatch(List<Item<?>> items) throws InterruptedException {
        long start = System.nanoTime();
        prepareIndex();
        // the data keys of the batch's new records in one commit, not one each as their events are sealed
        dataKeys.prepare(DataSubjects.ofRecords(items.stream().filter(item -> item.record != null)
                .map(item -> item.record.key()).toList()));
        long prepared = System.nanoTime();
        long[] loaded = new long[1];
        try {
            Committed committed = QuarkusTransaction.requiringNew().timeout(300).call(() -> {
                Batch batch = new Batch(items);
                loaded[0] = System.nanoTime();
                List<Runnable> done = new ArrayList<>();
                for (Item<?> item : items) {
                    done.add(item.applyTo(batch));
                }
                return new Committed(done, batch.workspace.changes());
            });
            committedHead = headPosition();
            pending.record(committedHead, committed.changes());
            committed.completions().forEach(Runnable::run);
            LOG.debugf("batch of %d: index check %d ms, load %d ms, resolve+commands+commit %d ms", items.size(),
                    (prepared - start) / 1_000_000, (loaded[0] - prepared) / 1_000_000,
                    (System.nanoTime() - loaded[0]) / 1_000_000);
        } catch (RuntimeException batchFailure) {
            if (items.size() == 1) {
                items.get(0).result.completeExceptionally(unwrap(batchFailure));
                return;
            }
            LOG.warnf("A resolution batch of %d items failed (%s); retrying them one by one", items.size(),
                    batchFailure.getClass().getSimpleName());
            for (Item<?> item : items) {
                runBatch(List.of(item));
            }
        }
    }

    /** A committed batch: its callers' completions and what it changed in the match index. */
    private record Committed(List<Runnable> completions, IdentityWorkspace.Changes changes) {
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof org.axonframework.commandhandling.CommandExecutionException
                || t instanceof jakarta.transaction.RollbackException || t.getClass() == RuntimeException.class
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Makes the match index plus the pending changes current: forgets what the projection has applied since the
     * last batch. After a (re)start, or while the projection replays, there is nothing to lay on top of: the lane
     * then waits until the projection has everything committed so far.
     */
    private void prepareIndex() throws InterruptedException {
        if (committedHead == UNKNOWN) {
            committedHead = headPosition();
            awaitIndex();
            return;
        }
        long settled = projections.settledPosition(IdentityIndexProjection.NAME);
        if (settled < 0) {
            awaitIndex();
        } else {
            pending.forget(settled);
        }
    }

    private void awaitIndex() throws InterruptedException {
        if (committedHead >= 0) {
            try {
                projections.awaitPosition(IdentityIndexProjection.NAME, committedHead, INDEX_WAIT);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("The match index did not catch up within " + INDEX_WAIT, e);
            }
        }
        pending.clear();
    }

    private long headPosition() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * One unit of work, the record it resolves (null for a split) and the future its caller waits on. The work runs
     * in the gRPC context of the call that queued it, so the commands it sends name that call's caller.
     */
    private static final class Item<T> {
        final IndexedRecord record;
        final Function<Batch, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Context context = Context.current();

        Item(IndexedRecord record, Function<Batch, T> work) {
            this.record = record;
            this.work = work;
        }

        static Item<Registered> registration(Registration registration) {
            IndexedRecord record = IndexedRecord.of(registration.key(), registration.person());
            return new Item<>(record, batch -> batch.register(registration, record));
        }

        /** Runs in the batch's transaction; the returned completion runs after the commit. */
        Runnable applyTo(Batch batch) {
            Context previous = context.attach();
            T value;
            try {
                value = work.apply(batch);
            } finally {
                context.detach(previous);
            }
            return () -> result.complete(value);
        }
    }

    /** The decisions of one batch, against one workspace. */
    private final class Batch {

        private final IdentityWorkspace workspace;
        /**
         * Whether a founding record skips reading its (missing) profile from the event store. A batch of one (a
         * single call, or an item retried alone after its batch failed) reads it: a profile that exists after all
         * then gets the record as it would any other, where a batch would fail on the duplicate first event.
         */
        private final boolean foundWithoutLoad;

        Batch(List<Item<?>> items) {
            this.foundWithoutLoad = items.size() > 1;
            List<IndexedRecord> records = items.stream().map(i -> i.record).filter(r -> r != null).toList();
            this.workspace = IdentityWorkspace.load(index, pending, policy.candidateRule(),
                    records.stream().map(IndexedRecord::key).toList(), records);
        }

        Registered register(Registration registration, IndexedRecord record) {
            String known = workspace.route(registration.key());
            if (known != null) {
                RegistrationOutcome outcome = commands.sendAndWait(new RegisterSourceRecordCommand(known,
                        registration.key(), registration.person(), registration.receivedAt()));
                workspace.link(known, record);
                return new Registered(known, outcome, List.of());
            }
            Resolution resolution = resolver.resolve(record, workspace.candidates(record));
            if (resolution.foundsProfile()) {
                return found(registration, record);
            }
            String survivor = resolution.profileId();
            for (String retired : resolution.absorbedProfileIds()) {
                merge(survivor, retired, resolution.decision(), registration.receivedAt());
            }
            RegistrationOutcome outcome = commands.sendAndWait(new RegisterSourceRecordCommand(survivor,
                    registration.key(), registration.person(), registration.receivedAt(), resolution.decision()));
            workspace.link(survivor, record);
            return new Registered(survivor, outcome, resolution.absorbedProfileIds());
        }

        /**
         * Founds the record's profile under its deterministic id, so that a retry lands in the same profile. Where
         * the profile under that id was erased, the record founds the next id after it: a new person.
         */
        private Registered found(Registration registration, IndexedRecord record) {
            String profileId = registration.key().foundingProfileId();
            for (int attempt = 1; ; attempt++) {
                try {
                    RegistrationOutcome outcome = commands.sendAndWait(foundWithoutLoad
                            ? new FoundProfileCommand(profileId, registration.key(), registration.person(),
                                    registration.receivedAt())
                            : new RegisterSourceRecordCommand(profileId, registration.key(), registration.person(),
                                    registration.receivedAt()));
                    workspace.found(profileId, record);
                    return new Registered(profileId, outcome, List.of());
                } catch (RuntimeException e) {
                    if (ExceptionUtils.findException(e, ProfileErasedException.class).isEmpty()
                            || attempt == MAX_REFOUNDINGS) {
                        throw e;
                    }
                    profileId = registration.key().refoundingProfileId(profileId);
                }
            }
        }

        private void merge(String survivor, String retired, LinkDecision bridge, Instant at) {
            List<MovedRecord> moved = commands.sendAndWait(new MergeIntoCommand(retired, survivor, at));
            LinkDecision reason = new LinkDecision(LinkDecision.RULE_MERGE, bridge.matchedRecord(), bridge.score(),
                    bridge.evidence(), retired, null);
            commands.sendAndWait(new AbsorbProfileCommand(survivor, retired, moved, reason, at));
            workspace.merge(survivor, retired);
        }

        /** Links the corrections to {@code profileId} without matching: a person decided where they belong. */
        Registered rectify(String profileId, Registration registration, IndexedRecord record, LinkDecision decision) {
            RegistrationOutcome outcome = commands.sendAndWait(new RectifyProfileCommand(profileId,
                    registration.key(), registration.person(), registration.receivedAt(), decision));
            workspace.link(profileId, record);
            return new Registered(profileId, outcome, List.of());
        }

        Split split(String profileId, List<SourceRecordKey> records, String reason) {
            String newProfileId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            List<MovedRecord> moved = commands.sendAndWait(
                    new SplitOffRecordsCommand(profileId, newProfileId, records, reason, now));
            commands.sendAndWait(new FoundSplitProfileCommand(newProfileId, profileId, moved, reason, now));
            workspace.split(profileId, newProfileId, moved.stream()
                    .map(m -> IndexedRecord.of(m.record(), m.person())).toList());
            return new Split(profileId, newProfileId);
        }
    }
}
