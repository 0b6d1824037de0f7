package dev.cdm.kernel.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The access policy shipped with this build, read once per service for everything that enforces or applies it. */
class AccessPolicyProducer {

    @Produces
    @Singleton
    AccessPolicy shipped() {
        return AccessPolicy.load();
    }
}
