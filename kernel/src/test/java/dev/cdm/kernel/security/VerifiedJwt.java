package dev.cdm.kernel.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token as quarkus-oidc hands it over: only its name and claims matter to the kernel. */
record VerifiedJwt(String name, Map<String, Object> claims) implements JsonWebToken {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}
