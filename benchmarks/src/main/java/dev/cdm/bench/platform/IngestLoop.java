package dev.cdm.bench.platform;

import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc.IngestionServiceBlockingStub;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ingests one record and polls profile-service until the profile it founded is readable with its record:
 * the ingest-to-visible latency a client of the platform sees. Each poll and the wait are bounded.
 */
final class IngestLoop {

    private static final long CALL_DEADLINE_MS = 30_000;

    private final IngestionServiceBlockingStub ingestion;
    private final ProfileServiceBlockingStub profiles;
    private final long pollNanos;
    private final long visibleTimeoutNanos;

    IngestLoop(IngestionServiceBlockingStub ingestion, ProfileServiceBlockingStub profiles, Duration pollInterval,
               Duration visibleTimeout) {
        this.ingestion = ingestion;
        this.profiles = profiles;
        this.pollNanos = pollInterval.toNanos();
        this.visibleTimeoutNanos = visibleTimeout.toNanos();
    }

    Sample ingest(IngestRecordRequest request) {
        long start = System.nanoTime();
        IngestRecordResponse response = ingestion.withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS)
                .ingestRecord(request);
        long accepted = System.nanoTime();
        GetProfileRequest get = GetProfileRequest.newBuilder().setProfileId(response.getProfileId())
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build();
        int polls = 0;
        long pollingNanos = 0;
        while (true) {
            polls++;
            long pollStart = System.nanoTime();
            boolean visible = isVisible(get);
            long now = System.nanoTime();
            pollingNanos += now - pollStart;
            if (visible || now - accepted > visibleTimeoutNanos) {
                return new Sample(response.getProfileId(), response.getOutcome().name(), accepted - start,
                        now - start, polls, pollingNanos, visible);
            }
            LockSupport.parkNanos(pollNanos);
        }
    }

    /** The duration of one GetProfile call per id, whether the profile exists or not. */
    long[] timeGetProfile(List<String> profileIds) {
        long[] nanos = new long[profileIds.size()];
        for (int i = 0; i < nanos.length; i++) {
            GetProfileRequest get = GetProfileRequest.newBuilder().setProfileId(profileIds.get(i))
                    .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build();
            long start = System.nanoTime();
            isVisible(get);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private boolean isVisible(GetProfileRequest get) {
        try {
            Profile profile = profiles.withDeadlineAfter(CALL_DEADLINE_MS, TimeUnit.MILLISECONDS).getProfile(get);
            return profile.getSourceRecordsCount() > 0;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One record: the ingest call took {@code ingestNanos}; the profile was readable {@code visibleNanos} after
     * the call was sent (or the wait gave up, {@code visible} false) after {@code polls} GetProfile calls, which
     * took {@code pollingNanos} together.
     */
    record Sample(String profileId, String outcome, long ingestNanos, long visibleNanos, int polls,
                  long pollingNanos, boolean visible) {

        long meanPollNanos() {
            return pollingNanos / Math.max(1, polls);
        }
    }
}
