package dev.cdm.consent.grpc;

import com.google.protobuf.Timestamp;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.DataSubjectRequestView.Acknowledgement;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.PurgedStore;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.RequestType;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Maps data-subject requests to their proto messages. */
final class DataSubjectRequestGrpcMapper {

    private DataSubjectRequestGrpcMapper() {
    }

    static DataSubjectRequest toProto(DataSubjectRequestView view, List<String> participants) {
        DataSubjectRequest.Builder proto = DataSubjectRequest.newBuilder()
                .setRequestId(view.requestId())
                .setType(RequestType.REQUEST_TYPE_ERASURE)
                .setStatus(status(view.status()))
                .setProfileId(view.profileId())
                .addAllMergedProfileIds(view.mergedProfileIds())
                .setRecordCount(view.recordCount())
                .setRequestedBy(view.requestedBy())
                .setRequestedAt(timestamp(view.requestedAt()))
                .setDueAt(timestamp(view.dueAt()))
                .addAllAcknowledgements(acknowledgements(view.acknowledgements()))
                .addAllPendingServices(view.pendingServices(participants));
        if (view.completedAt() != null) {
            proto.setCompletedAt(timestamp(view.completedAt()));
        }
        return proto.build();
    }

    static ErasureCertificate toCertificate(DataSubjectRequestView view) {
        return ErasureCertificate.newBuilder()
                .setRequestId(view.requestId())
                .setRequestedBy(view.requestedBy())
                .addAllProfileIds(view.profileIds())
                .setRecordCount(view.recordCount())
                .addAllDestroyedKeyIds(view.destroyedKeyIds())
                .addAllAcknowledgements(acknowledgements(view.acknowledgements()))
                .setRequestedAt(timestamp(view.requestedAt()))
                .setKeysDestroyedAt(timestamp(view.keysDestroyedAt()))
                .setCompletedAt(timestamp(view.completedAt()))
                .setEvidenceSha256(view.evidenceSha256())
                .build();
    }

    private static List<ServiceAcknowledgement> acknowledgements(Map<String, Acknowledgement> acks) {
        return acks.entrySet().stream()
                .map(ack -> ServiceAcknowledgement.newBuilder()
                        .setService(ack.getKey())
                        .setAcknowledgedAt(timestamp(ack.getValue().acknowledgedAt()))
                        .addAllPurged(ack.getValue().purged().stream()
                                .map(store -> PurgedStore.newBuilder().setStore(store.store())
                                        .setRemoved(store.removed()).build())
                                .toList())
                        .build())
                .toList();
    }

    private static RequestStatus status(DataSubjectRequestView.Status status) {
        return switch (status) {
            case REQUESTED -> RequestStatus.REQUEST_STATUS_REQUESTED;
            case KEYS_DESTROYED -> RequestStatus.REQUEST_STATUS_KEYS_DESTROYED;
            case COMPLETED -> RequestStatus.REQUEST_STATUS_COMPLETED;
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
