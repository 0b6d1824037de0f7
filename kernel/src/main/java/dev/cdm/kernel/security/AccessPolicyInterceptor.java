package dev.cdm.kernel.security;

import dev.cdm.kernel.security.AccessPolicy.Requirement;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Enforces the {@link AccessPolicy} on every gRPC call of every CDM service. The bearer token itself is verified before the call gets
 * here (quarkus-oidc: signature, issuer, expiry and audience, once per token: {@link VerifiedTokens}; a bad token is
 * refused with HTTP 401, which gRPC clients read as UNAUTHENTICATED); this checks that there is one where the policy asks for it, and that its realm
 * roles include one the method allows (for a service acting for someone, that person's roles too, except on the
 * methods only the services call), and puts the {@link Caller} into the call's context. A caller the policy
 * does not let read personal data gets every response masked ({@link PersonalDataMask}); for a service acting for
 * someone that goes by the roles both hold ({@link Caller#effectiveRoles()}). Refusals name the
 * method and the roles it needs, never any data.
 */
@Singleton
@GlobalInterceptor
public class AccessPolicyInterceptor implements ServerInterceptor, Prioritized {

    /** Right after Quarkus' own gRPC security interceptor, which hands over the identity of the HTTP request. */
    static final int PRIORITY = Integer.MAX_VALUE - 200;

    private final AccessPolicy policy;
    private final CurrentIdentityAssociation identities;
    private final PersonalDataMask mask = new PersonalDataMask();

    @Inject
    AccessPolicyInterceptor(AccessPolicy policy, CurrentIdentityAssociation identities) {
        this.policy = policy;
        this.identities = identities;
    }

    @Override
    public <Q, S> ServerCall.Listener<Q> interceptCall(ServerCall<Q, S> call, Metadata headers,
                                                       ServerCallHandler<Q, S> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        Requirement requirement = policy.requirementOf(method);
        if (!requirement.token()) {
            return next.startCall(call, headers);
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription(method + " needs a bearer token of realm cdm"
                    + " (metadata \"authorization: Bearer <access token>\"; `cdm login` gets one)"));
        }
        if (!requirement.allows(identity.getRoles())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(denial(method, requirement)));
        }
        Caller caller = Caller.of(identity, headers.get(Caller.ON_BEHALF_OF), headers.get(Caller.ON_BEHALF_OF_ROLES),
                policy.delegates());
        if (requirement.delegatesOnly() && !policy.delegates().contains(caller.clientId())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(method + " is open only to the CDM services"
                    + " (the delegates of access policy " + policy.version() + ")"));
        }
        // a service's own methods (delegatesOnly) go by its token; any other it calls for someone, they must hold too
        if (caller.onBehalfOf() != null && !requirement.delegatesOnly()
                && !requirement.allows(caller.effectiveRoles())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(denial(method, requirement)
                    + ": the caller " + caller.clientId() + " acts for does not hold it"));
        }
        ServerCall<Q, S> answered = policy.readsPersonalData(caller.effectiveRoles()) ? call : new MaskingCall<>(call);
        return Contexts.interceptCall(caller.attachTo(Context.current()), answered, headers, next);
    }

    /** Sends every response with its personal data masked, for a caller who may not read it in clear. */
    private final class MaskingCall<Q, S> extends ForwardingServerCall.SimpleForwardingServerCall<Q, S> {

        MaskingCall(ServerCall<Q, S> call) {
            super(call);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void sendMessage(S message) {
            super.sendMessage(message instanceof Message personal ? (S) mask.mask(personal) : message);
        }
    }

    private String denial(String method, Requirement requirement) {
        if (requirement.denied()) {
            return method + " is open to no caller: access policy " + policy.version() + " does not name it";
        }
        Set<String> roles = requirement.anyOfRoles();
        return method + " requires the role " + (roles.size() == 1 ? roles.iterator().next()
                : "one of " + String.join(", ", roles)) + " (access policy " + policy.version() + ")";
    }

    private static <Q, S> ServerCall.Listener<Q> refuse(ServerCall<Q, S> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() { };
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
