package dev.cdm.kernel.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A token store that writes less while a tracking processor only moves over events none of its handlers take.
 * <p>
 * Every service runs a dozen processors over one event stream, and most events concern one or two of them: for
 * each other one Axon's {@code TrackingEventProcessor} still stores the token of every fetched batch, so a stream
 * of small batches (one audited read each) became a token write per processor per event. Here such a position (a
 * token stored outside a unit of work: the batch had nothing to handle) is held when the segment's token was
 * written less than {@code interval} ago, and written with the next write, release, fetch or claim extension once
 * the interval has passed (an idle processor extends its claim every second). A crash loses at most that held position, and with it only events the processor
 * ignores anyway. A token stored at the end of a handled batch (inside its unit of work) is always written at
 * once, as is everything else; a claim extension right after a write is skipped (the claim is fresh).
 */
public final class CoalescingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<SegmentKey, WrittenToken> written = new ConcurrentHashMap<>();

    public CoalescingTokenStore(TokenStore delegate, Duration interval) {
        this(delegate, interval, System::nanoTime);
    }

    CoalescingTokenStore(TokenStore delegate, Duration interval, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        WrittenToken segmentToken = written.computeIfAbsent(new SegmentKey(processorName, segment),
                key -> new WrittenToken());
        synchronized (segmentToken) {
            if (!CurrentUnitOfWork.isStarted() && segmentToken.writtenWithin(intervalNanos, nanoTime.getAsLong())) {
                segmentToken.held = token;
                return;
            }
            delegate.storeToken(token, processorName, segment);
            segmentToken.wrote(nanoTime.getAsLong());
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        WrittenToken segmentToken = written.get(new SegmentKey(processorName, segment));
        if (segmentToken == null) {
            delegate.extendClaim(processorName, segment);
            return;
        }
        synchronized (segmentToken) {
            long now = nanoTime.getAsLong();
            if (segmentToken.writtenWithin(intervalNanos, now)) {
                return;
            }
            if (segmentToken.held != null) {
                delegate.storeToken(segmentToken.held, processorName, segment);
            } else {
                delegate.extendClaim(processorName, segment);
            }
            segmentToken.wrote(now);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        writeHeld(processorName, segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        writeHeld(processorName, segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        writeHeld(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        writeHeld(processorName, segment);
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        writeHeld(processorName, segment);
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    /** Writes a held position, and lets whatever comes next (a new claim, a reset) write at once. */
    private void writeHeld(String processorName, int segment) {
        WrittenToken segmentToken = written.get(new SegmentKey(processorName, segment));
        if (segmentToken == null) {
            return;
        }
        synchronized (segmentToken) {
            if (segmentToken.held != null) {
                delegate.storeToken(segmentToken.held, processorName, segment);
            }
            segmentToken.forget();
        }
    }

    private record SegmentKey(String processorName, int segment) {
    }

    /** When a segment's token was last written, and the newer position held since, if any. */
    private static final class WrittenToken {
        private long writtenAt;
        private boolean everWritten;
        private TrackingToken held;

        boolean writtenWithin(long intervalNanos, long now) {
            return everWritten && now - writtenAt < intervalNanos;
        }

        void forget() {
            everWritten = false;
            held = null;
        }

        void wrote(long now) {
            writtenAt = now;
            everWritten = true;
            held = null;
        }
    }
}
