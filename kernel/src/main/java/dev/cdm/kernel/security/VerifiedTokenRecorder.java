package dev.cdm.kernel.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Keeps each identity quarkus-oidc verified from a bearer token in {@link VerifiedTokens}, once fully augmented. */
@Singleton
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    @Inject
    VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            tokens.remember(identity);
        }
        return Uni.createFrom().item(identity);
    }

    /** After every other augmentor, so that what is kept is the identity a call finally gets. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
