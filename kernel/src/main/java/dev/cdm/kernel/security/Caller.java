package dev.cdm.kernel.security;

import io.grpc.Context;
import io.grpc.Metadata;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the principal of the verified bearer token, the client it was issued to, its realm roles, and,
 * when a CDM service calls on someone's behalf, the original caller it names with that person's roles. Audit records
 * {@link #person()}. Only the clients the access policy lists as delegates may name an original caller; anyone
 * else's claim to act for another is ignored, so a person cannot hide behind someone else's name.
 *
 * <p>What a delegated call may read in clear goes by {@link #effectiveRoles()}: the roles both the service and the
 * person hold, so a person gets through a service no more than they would get by calling directly. A delegate that
 * names a person but not (validly) their roles gets none of the person's: the call reads nothing personal in clear.
 *
 * <p>The caller of the current gRPC call is in the gRPC {@link Context} ({@link #current()}); a peer call made
 * within it carries the original caller on ({@code PeerCallInterceptor}).
 */
public record Caller(String name, String clientId, String onBehalfOf, Set<String> roles, Set<String> personRoles) {

    /** The metadata header by which a service names the caller it acts for. */
    public static final Metadata.Key<String> ON_BEHALF_OF =
            Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER);
    /** The realm roles of the caller a service acts for, comma-separated, beside {@link #ON_BEHALF_OF}. */
    public static final Metadata.Key<String> ON_BEHALF_OF_ROLES =
            Metadata.Key.of("cdm-on-behalf-of-roles", Metadata.ASCII_STRING_MARSHALLER);
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_ROLES = 64;
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
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
        personRoles = Set.copyOf(personRoles);
    }

    /** A caller acting for no one else: the person is the caller, with the caller's roles. */
    public Caller(String name, String clientId, Set<String> roles) {
        this(name, clientId, null, roles, roles);
    }

    /**
     * The roles that decide what the call may read: the caller's own, and for a delegated call only those the person
     * it acts for holds too.
     */
    public Set<String> effectiveRoles() {
        if (onBehalfOf == null) {
            return roles;
        }
        Set<String> both = new TreeSet<>(roles);
        both.retainAll(personRoles);
        return both;
    }

    /** The roles to name beside {@link #person()} on a call made for this caller to a peer. */
    public String personRolesHeader() {
        return String.join(",", new TreeSet<>(onBehalfOf == null ? roles : personRoles));
    }

    /** The person (or service) on whose behalf the call is made: the original caller, else the caller itself. */
    public String person() {
        return onBehalfOf != null ? onBehalfOf : name;
    }

    static Caller of(SecurityIdentity identity, String claimedOnBehalfOf, String claimedRoles, Set<String> delegates) {
        String clientId = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        String name = identity.getPrincipal().getName();
        boolean mayDelegate = clientId != null && delegates.contains(clientId);
        if (!mayDelegate || !isName(claimedOnBehalfOf)) {
            return new Caller(name, clientId, identity.getRoles());
        }
        return new Caller(name, clientId, claimedOnBehalfOf, identity.getRoles(), roles(claimedRoles));
    }

    /** The roles a header names; none when it is missing or malformed (fails safe: nothing more in clear). */
    private static Set<String> roles(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        String[] names = header.split(",", -1);
        if (names.length > MAX_ROLES || Arrays.stream(names).anyMatch(role -> !ROLE.matcher(role).matches())) {
            return Set.of();
        }
        return Set.of(Arrays.stream(names).distinct().toArray(String[]::new));
    }

    private static boolean isName(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_NAME_LENGTH
                && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    Context attachTo(Context context) {
        return context.withValue(KEY, this);
    }
}
