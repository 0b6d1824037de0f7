package dev.cdm.kernel.security;

import io.grpc.Context;
import io.grpc.Metadata;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the principal of the verified bearer token, the client it was issued to, its realm roles, and,
 * when a CDM service calls on someone's behalf, the original caller it names. Audit records {@link #person()}. Only the clients the
 * access policy lists as delegates may name an original caller; anyone else's claim to act for another is ignored,
 * so a person cannot hide behind someone else's name.
 *
 * <p>The caller of the current gRPC call is in the gRPC {@link Context} ({@link #current()}); a peer call made
 * within it carries the original caller on ({@code PeerCallInterceptor}).
 */
public record Caller(String name, String clientId, String onBehalfOf, Set<String> roles) {

    /** The metadata header by which a service names the caller it acts for. */
    public static final Metadata.Key<String> ON_BEHALF_OF =
            Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER);
    static final int MAX_NAME_LENGTH = 255;
    static final Context.Key<Caller> KEY = Context.key("cdm-caller");

    /** The caller of the gRPC call this thread serves, if it serves one. */
    public static Optional<Caller> current() {
        return Optional.ofNullable(KEY.get());
    }

    /**
     * {@code base} with the caller of the current call, if any: for work that outlives the call's own context
     * (e.g. peer calls cancelled on their own terms) but still acts for its caller.
     */
    public static Context withCurrentCaller(Context base) {
        Caller caller = KEY.get();
        return caller == null ? base : caller.attachTo(base);
    }

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The person (or service) on whose behalf the call is made: the original caller, else the caller itself. */
    public String person() {
        return onBehalfOf != null ? onBehalfOf : name;
    }

    static Caller of(SecurityIdentity identity, String claimedOnBehalfOf, Set<String> delegates) {
        String clientId = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        boolean mayDelegate = clientId != null && delegates.contains(clientId);
        return new Caller(identity.getPrincipal().getName(), clientId,
                mayDelegate && isName(claimedOnBehalfOf) ? claimedOnBehalfOf : null, identity.getRoles());
    }

    private static boolean isName(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_NAME_LENGTH
                && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    Context attachTo(Context context) {
        return context.withValue(KEY, this);
    }
}
