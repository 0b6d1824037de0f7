package dev.cdm.kernel.security;

import dev.cdm.kernel.grpc.PeerChannel;
import dev.cdm.kernel.grpc.PeerChannels;
import dev.cdm.proto.v1.AccessedData;
import dev.cdm.proto.v1.AccessedRecord;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.RecordAccessRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Has consent-service write the audit of a read of source records outside a profile (RecordAccess), before the read
 * is answered: no audit, no answer. The person read for travels with the call ({@code PeerCallInterceptor}).
 */
@ApplicationScoped
public class RecordAccessAudit {

    /** At most this many records per audit entry: the longest listing of rejects. */
    public static final int MAX_RECORDS = 1000;

    private final ManagedChannel channel;
    private final Duration deadline;

    @Inject
    RecordAccessAudit(@Named(PeerChannels.CONSENT_SERVICE) ManagedChannel channel,
                      @ConfigProperty(name = "cdm.peers.deadline", defaultValue = "PT10S") Duration deadline) {
        this.channel = channel;
        this.deadline = deadline;
    }

    /** Rejected records are about to be returned, with these {@code fields}. */
    public void rejectsRead(List<AccessedRecord> records, List<String> fields) {
        for (int from = 0; from < records.size(); from += MAX_RECORDS) {
            record(RecordAccessRequest.newBuilder().setData(AccessedData.ACCESSED_DATA_REJECTS)
                    .addAllRecords(records.subList(from, Math.min(records.size(), from + MAX_RECORDS)))
                    .addAllFields(fields).build());
        }
    }

    /** Every record's link to its profile is about to be exported, with these {@code fields}. */
    public void linksExported(List<String> fields) {
        record(RecordAccessRequest.newBuilder().setData(AccessedData.ACCESSED_DATA_LINKS).addAllFields(fields)
                .build());
    }

    private void record(RecordAccessRequest request) {
        PeerChannel.reconnectIfFailing(channel);
        try {
            ConsentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .recordAccess(request);
        } catch (StatusRuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("consent-service did not write the audit of this read ("
                    + e.getStatus().getCode() + "); personal data is returned only once audited")
                    .asRuntimeException();
        }
    }
}
