package dev.cdm.kernel.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may call which gRPC method: a versioned document ({@value #RESOURCE}), read once, so that access rules are
 * data to review rather than checks spread over the services. A rule names a full method
 * ({@code cdm.v1.ProfileService/GetProfile}) or every method of a service ({@code cdm.v1.DataSubjectRequests/*});
 * the exact name wins. Methods under {@code delegatesOnly} are open to the CDM services alone (the delegates' own
 * tokens, whatever their roles). A method the document does not name is refused: access is denied by default.
 */
public final class AccessPolicy {

    public static final String RESOURCE = "/security/access-policy.json";

    private final String version;
    private final Set<String> open;
    private final Set<String> authenticated;
    private final Set<String> delegatesOnly;
    private final Map<String, Set<String>> roles;
    private final Set<String> delegates;
    private final Set<String> personalDataReaders;
    private final ReadPolicy reads;

    AccessPolicy(String version, Set<String> open, Set<String> authenticated, Set<String> delegatesOnly,
                 Map<String, Set<String>> roles, Set<String> delegates, Set<String> personalDataReaders,
                 ReadPolicy reads) {
        this.version = version;
        this.open = Set.copyOf(open);
        this.authenticated = Set.copyOf(authenticated);
        this.delegatesOnly = Set.copyOf(delegatesOnly);
        this.roles = Map.copyOf(roles);
        this.delegates = Set.copyOf(delegates);
        this.personalDataReaders = Set.copyOf(personalDataReaders);
        this.reads = reads;
    }

    /** The policy shipped with this build. */
    public static AccessPolicy load() {
        try (InputStream in = AccessPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The access policy " + RESOURCE + " is not readable", e);
        }
    }

    static AccessPolicy parse(InputStream json) throws IOException {
        Document document = new ObjectMapper().readValue(json, Document.class);
        if (document.version == null || document.version.isBlank()) {
            throw new IllegalArgumentException("The access policy has no version");
        }
        Map<String, Set<String>> roles = new TreeMap<>();
        document.roles.forEach((method, allowed) -> {
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("Rule " + method + " of the access policy names no role");
            }
            roles.put(method, new TreeSet<>(allowed));
        });
        return new AccessPolicy(document.version, Set.copyOf(document.open), Set.copyOf(document.authenticated),
                Set.copyOf(document.delegatesOnly), roles, Set.copyOf(document.delegates), Set.copyOf(document.personalDataReaders),
                ReadPolicy.parse(document.version, document.readPurposes));
    }

    public String version() {
        return version;
    }

    /** The clients (CDM services) whose calls may name the original caller they act for ({@link Caller}). */
    public Set<String> delegates() {
        return delegates;
    }

    /**
     * Whether a caller with {@code callerRoles} reads personal data in clear; everyone else gets the fields the
     * contracts mark as personal masked ({@link PersonalDataMask}). A policy that names no such role masks for
     * everyone: forgetting the rule fails safe.
     */
    public boolean readsPersonalData(Set<String> callerRoles) {
        return personalDataReaders.stream().anyMatch(callerRoles::contains);
    }

    /** Who may read a data subject's profile for which purpose ({@link ReadPolicy}). */
    public ReadPolicy reads() {
        return reads;
    }

    /** What a call of {@code fullMethodName} ({@code package.Service/Method}) requires. */
    public Requirement requirementOf(String fullMethodName) {
        if (matches(open, fullMethodName)) {
            return Requirement.NOTHING;
        }
        if (matches(delegatesOnly, fullMethodName)) {
            return Requirement.DELEGATES;
        }
        Set<String> allowed = roles.get(fullMethodName);
        if (allowed == null) {
            allowed = roles.get(serviceWildcard(fullMethodName));
        }
        if (allowed != null) {
            return new Requirement(true, allowed);
        }
        if (matches(authenticated, fullMethodName)) {
            return Requirement.TOKEN;
        }
        return Requirement.DENIED;
    }

    private static boolean matches(Set<String> rules, String fullMethodName) {
        return rules.contains(fullMethodName) || rules.contains(serviceWildcard(fullMethodName));
    }

    private static String serviceWildcard(String fullMethodName) {
        int slash = fullMethodName.indexOf('/');
        return (slash < 0 ? fullMethodName : fullMethodName.substring(0, slash)) + "/*";
    }

    /**
     * A token or not, the roles of which the caller needs one, and whether only a delegate's token will do.
     * {@link #DENIED} needs a token and a role that nobody can have: the method is not in the policy.
     */
    public record Requirement(boolean token, Set<String> anyOfRoles, boolean delegatesOnly) {

        static final Requirement NOTHING = new Requirement(false, Set.of(), false);
        static final Requirement TOKEN = new Requirement(true, Set.of(), false);
        static final Requirement DELEGATES = new Requirement(true, Set.of(), true);
        static final Requirement DENIED = new Requirement(true, null, false);

        Requirement(boolean token, Set<String> anyOfRoles) {
            this(token, anyOfRoles, false);
        }

        public boolean denied() {
            return anyOfRoles == null;
        }

        /** Whether a caller with {@code callerRoles} meets it (a token is taken as given). */
        public boolean allows(Set<String> callerRoles) {
            return !denied() && (anyOfRoles.isEmpty() || anyOfRoles.stream().anyMatch(callerRoles::contains));
        }
    }

    private static final class Document {
        @JsonProperty("version")
        String version;
        @JsonProperty("description")
        String description;
        @JsonProperty("open")
        List<String> open = List.of();
        @JsonProperty("authenticated")
        List<String> authenticated = List.of();
        @JsonProperty("delegatesOnly")
        List<String> delegatesOnly = List.of();
        @JsonProperty("roles")
        Map<String, List<String>> roles = Map.of();
        @JsonProperty("delegates")
        List<String> delegates = List.of();
        @JsonProperty("personalDataReaders")
        List<String> personalDataReaders = List.of();
        @JsonProperty("readPurposes")
        Map<String, ReadPolicy.RuleDocument> readPurposes = Map.of();
    }
}
