package dev.cdm.consent.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.proto.v1.ConsentProof;
import dev.cdm.proto.v1.ConsentStatus;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.testing.GrpcTestChannel;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/** Requests and checks shared by the gRPC tests, which call the service the way any gRPC client does. */
final class ConsentRequests {

    static final Timestamp CAPTURED_AT = Timestamp.newBuilder().setSeconds(1_767_000_000L).build();
    static final Timestamp FAR_FUTURE = Timestamp.newBuilder().setSeconds(4_102_444_800L).build();

    private ConsentRequests() {
    }

    /**
     * A plaintext HTTP/2 channel to the test server (gRPC shares the HTTP port). Built here rather than with
     * test-support's GrpcTestChannel: run as {@code -pl consent-service}, that class is loaded by the JVM's class
     * loader while the test's grpc classes come from Quarkus' loader, and the JVM refuses to link the two.
     */
    static ManagedChannel channelTo(URL server) {
        return ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    }

    /** The bearer token of demo user {@code user} (from the test run's Keycloak) on every call of a stub. */
    static CallCredentials as(String user) {
        return GrpcTestChannel.credentialsOf(user);
    }

    static SetConsentRequest grant(String subject) {
        return SetConsentRequest.newBuilder()
                .setSubjectId(subject)
                .setPurpose(Purpose.PURPOSE_MARKETING_EMAIL)
                .setChannel("email")
                .setStatus(ConsentStatus.CONSENT_STATUS_GRANTED)
                .setProof(ConsentProof.newBuilder().setSource("web-signup").setCapturedAt(CAPTURED_AT)
                        .setPolicyVersion("v3").setCaptureMethod("checkbox").setTextSha256("ab".repeat(32)))
                .setExpiresAt(FAR_FUTURE)
                .build();
    }

    static SetConsentRequest withdraw(String subject) {
        return grant(subject).toBuilder().clearProof().clearExpiresAt()
                .setStatus(ConsentStatus.CONSENT_STATUS_WITHDRAWN).build();
    }

    static GetConsentsRequest get(String subject) {
        return GetConsentsRequest.newBuilder().setSubjectId(subject).build();
    }

    /** The fields named in the BadRequest details of the INVALID_ARGUMENT that {@code call} must fail with. */
    static List<String> fieldViolations(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("INVALID_ARGUMENT expected").isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        assertThat(status).isNotNull();
        try {
            return status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
                    .map(BadRequest.FieldViolation::getField).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("status details are not a google.rpc.BadRequest", e);
        }
    }

    /** Appends an event of the profile with id {@code profileId}, as profile-service's CustomerProfile would. */
    static void appendProfileEvent(EventStore eventStore, String profileId, long sequence) {
        append(eventStore, "CustomerProfile", profileId, sequence,
                new ProfileCreatedEvent(profileId, new SourceRecordKey("crm", profileId), Instant.EPOCH));
    }

    /** Appends event number {@code sequence} of aggregate {@code aggregateId}, as the service owning it would. */
    static void append(EventStore eventStore, String type, String aggregateId, long sequence, Object payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(
                new GenericDomainEventMessage<>(type, aggregateId, sequence, payload)));
    }

    /** Appends an event of no aggregate, as another service's event gateway would. */
    static void publish(EventStore eventStore, Object payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(
                GenericEventMessage.asEventMessage(payload)));
    }
}
