package dev.cdm.consent.grpc;

import dev.cdm.consent.grpc.ProfileDirectory.ResolvedSubject;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.grpc.PeerChannels;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ListRejectsOfSubjectRequest;
import dev.cdm.proto.v1.Reject;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What ingestion-service keeps of a subject outside the profile: the rejects of their records, and of records that
 * carried one of their emails or phones but never reached the profile. Asked by record keys and by the keyed HMACs
 * of the identifiers, so that no identifier leaves this service in clear.
 */
@ApplicationScoped
public class SubjectRejects {

    @Inject
    @Named(PeerChannels.INGESTION_SERVICE)
    ManagedChannel channel;

    @Inject
    SuppressionKeys identifierKeys;

    @ConfigProperty(name = "cdm.peers.deadline")
    Duration deadline;

    public List<Reject> of(ResolvedSubject subject) {
        ListRejectsOfSubjectRequest.Builder request = ListRejectsOfSubjectRequest.newBuilder()
                .addAllIdentifierKeys(subject.identifierKeys(identifierKeys));
        subject.records().forEach(key -> request.addRecords(SourceRecordKey.newBuilder()
                .setSource(key.source()).setSourceRecordId(key.sourceRecordId())));
        return IngestionServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .listRejectsOfSubject(request.build())
                .getRejectsList();
    }
}
