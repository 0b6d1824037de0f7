package dev.cdm.profile.access;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.cdm.kernel.security.AccessPolicy;
import dev.cdm.kernel.security.Caller;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileHistory;
import dev.cdm.proto.v1.ReadDecision;
import dev.cdm.proto.v1.ReadPurpose;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Enforces the read policy on profile reads: a caller who may not read for the purpose at all is refused before
 * anything is looked up (so the refusal says nothing of whether the profile exists); a profile is then answered
 * only as consent-service's decision allows ({@link ConsentReadDecisions}): refused, left out of a search, or with
 * the fields it withholds emptied. Masking for callers without pii-reader comes after, on the way out.
 */
@ApplicationScoped
public class ReadGuard {

    /** The domain of the ErrorInfo of a refusal; its reason is the ReadRefusal's name. */
    public static final String ERROR_DOMAIN = "cdm.dev";

    private final ReadPolicy policy;
    private final ConsentReadDecisions decisions;

    @Inject
    ReadGuard(AccessPolicy policy, ConsentReadDecisions decisions) {
        this.policy = policy.reads();
        this.decisions = decisions;
    }

    /** PERMISSION_DENIED unless the current caller may read for {@code purpose} at all. */
    public void admit(ReadPurpose purpose) {
        policy.refuseCaller(purpose, roles()).ifPresent(refusal -> {
            throw refused("READ_REFUSAL_ROLE", refusal.explanation(), purpose, null);
        });
    }

    /**
     * {@code profile} as {@code purpose} may read it, with the fields {@code mask} asks for; PERMISSION_DENIED when
     * it may not be read at all.
     */
    public Profile readable(Profile profile, ReadPurpose purpose, ReadMask mask) {
        return mask.apply(Withholding.without(profile, withheld(profile.getProfileId(), purpose, mask)));
    }

    /** The profile's history as {@code purpose} may read it; PERMISSION_DENIED when it may not be read at all. */
    public ProfileHistory readable(ProfileHistory history, ReadPurpose purpose) {
        return Withholding.without(history, withheld(history.getProfileId(), purpose, ReadMask.everything()));
    }

    /** The fields {@code purpose} may not read of the profile; PERMISSION_DENIED when it may read none. */
    private Set<String> withheld(String profileId, ReadPurpose purpose, ReadMask mask) {
        ReadDecision decision = decisions.decide(List.of(profileId), purpose, roles(), mask.answeredParts()).get(0);
        if (!decision.getAllowed()) {
            throw refused(decision.getRefusal().name(), decision.getExplanation(), purpose, profileId);
        }
        return Set.copyOf(decision.getWithheldFieldsList());
    }

    /**
     * The profiles {@code purpose} may read, as it may read them and with the fields {@code mask} asks for, in the
     * order given; the others are left out.
     */
    public List<Profile> readable(List<Profile> profiles, ReadPurpose purpose, ReadMask mask) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<ReadDecision> answers = decisions.decide(profiles.stream().map(Profile::getProfileId).toList(),
                purpose, roles(), mask.answeredParts());
        List<Profile> readable = new ArrayList<>(profiles.size());
        for (int i = 0; i < profiles.size(); i++) {
            if (answers.get(i).getAllowed()) {
                readable.add(mask.apply(Withholding.without(profiles.get(i),
                        Set.copyOf(answers.get(i).getWithheldFieldsList()))));
            }
        }
        return readable;
    }

    private static Set<String> roles() {
        return Caller.current().map(Caller::effectiveRoles).orElse(Set.of());
    }

    private static StatusRuntimeException refused(String reason, String explanation, ReadPurpose purpose,
                                                  String profileId) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setDomain(ERROR_DOMAIN).setReason(reason)
                .putMetadata("purpose", ReadPolicy.name(purpose));
        String subject = "";
        if (profileId != null) {
            info.putMetadata("profile_id", profileId);
            subject = "profile " + profileId + ": ";
        }
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.PERMISSION_DENIED_VALUE)
                .setMessage(subject + explanation)
                .addDetails(Any.pack(info.build()))
                .build());
    }
}
