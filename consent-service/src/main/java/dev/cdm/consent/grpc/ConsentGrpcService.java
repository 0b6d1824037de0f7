package dev.cdm.consent.grpc;

import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.consent.query.ConsentViewRepository;
import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.GetConsentsResponse;
import dev.cdm.proto.v1.SetConsentRequest;
import dev.cdm.proto.v1.SetConsentResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

@GrpcService
@Blocking
public class ConsentGrpcService extends ConsentServiceGrpc.ConsentServiceImplBase {

    @Inject
    CommandSender commands;

    @Inject
    ConsentViewRepository views;

    @Inject
    Clock clock;

    @Override
    public void setConsent(SetConsentRequest request, StreamObserver<SetConsentResponse> response) {
        Instant recordedAt = ConsentGrpcMapper.toMillis(clock.instant());
        RecordConsentCommand command = ConsentGrpcMapper.toCommand(request, recordedAt);
        boolean changed;
        try {
            changed = Boolean.TRUE.equals(commands.<Boolean>send(command));
        } catch (RuntimeException e) {
            throw ConsentGrpcMapper.toGrpcError(e);
        }
        response.onNext(SetConsentResponse.newBuilder()
                .setSubjectId(command.subjectId())
                .setChanged(changed)
                .build());
        response.onCompleted();
    }

    @Override
    public void getConsents(GetConsentsRequest request, StreamObserver<GetConsentsResponse> response) {
        FieldViolations violations = new FieldViolations();
        String subjectId = RequestFields.subjectId(request.getSubjectId(), violations);
        violations.throwIfAny();
        SubjectConsentsView view = views.find(subjectId).orElseGet(() -> SubjectConsentsView.empty(subjectId));
        response.onNext(ConsentGrpcMapper.toProto(view));
        response.onCompleted();
    }
}
