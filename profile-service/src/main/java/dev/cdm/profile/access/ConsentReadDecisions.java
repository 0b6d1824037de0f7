package dev.cdm.profile.access;

import dev.cdm.kernel.grpc.PeerChannel;
import dev.cdm.kernel.grpc.PeerChannels;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.PersonFieldSelection;
import dev.cdm.proto.v1.ReadDecision;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks consent-service for the policy decision on reading subjects' profiles (DecideReads), in chunks of at most
 * {@value #MAX_SUBJECTS} subjects per call. Without an answer nothing is read: an unreachable or failing
 * consent-service makes the read UNAVAILABLE, never allowed.
 */
@ApplicationScoped
public class ConsentReadDecisions {

    static final int MAX_SUBJECTS = 100;

    private final ManagedChannel channel;
    private final ConsentServiceGrpc.ConsentServiceBlockingStub stub;
    private final Duration deadline;

    @Inject
    ConsentReadDecisions(@Named(PeerChannels.CONSENT_SERVICE) ManagedChannel channel,
                         @ConfigProperty(name = "cdm.peers.deadline", defaultValue = "PT10S") Duration deadline) {
        this.channel = channel;
        this.stub = ConsentServiceGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    /**
     * One decision per subject, in the order given, for a read that answers with {@code answeredParts} (person
     * fields, and the activity; empty: the whole profile), which the audit entry lists.
     */
    public List<ReadDecision> decide(List<String> subjectIds, ReadPurpose purpose, Set<String> callerRoles,
                                     Optional<Set<String>> answeredParts) {
        PeerChannel.reconnectIfFailing(channel);
        List<ReadDecision> decisions = new ArrayList<>(subjectIds.size());
        for (int from = 0; from < subjectIds.size(); from += MAX_SUBJECTS) {
            DecideReadsRequest.Builder request = DecideReadsRequest.newBuilder()
                    .addAllSubjectIds(subjectIds.subList(from, Math.min(subjectIds.size(), from + MAX_SUBJECTS)))
                    .setPurpose(purpose)
                    .addAllCallerRoles(callerRoles);
            answeredParts.ifPresent(fields -> request.setPersonFields(
                    PersonFieldSelection.newBuilder().addAllFields(fields)));
            try {
                decisions.addAll(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                        .decideReads(request.build()).getDecisionsList());
            } catch (StatusRuntimeException e) {
                throw noDecision(e.getStatus());
            }
        }
        if (decisions.size() != subjectIds.size()) {
            throw Status.INTERNAL.withDescription("consent-service answered " + decisions.size() + " decisions for "
                    + subjectIds.size() + " subjects").asRuntimeException();
        }
        return decisions;
    }

    private static StatusRuntimeException noDecision(Status status) {
        Status answer = switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
        return answer.withDescription("consent-service gave no policy decision on the read (" + status.getCode()
                + ": " + status.getDescription() + "); profiles are read only with one").asRuntimeException();
    }
}
