package dev.cdm.analytics.security;

import dev.cdm.kernel.security.AccessPolicy;
import dev.cdm.kernel.security.AccessPolicyInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The access policy on every gRPC call of analytics-service. */
@Singleton
@GlobalInterceptor
class AnalyticsAccess extends AccessPolicyInterceptor {

    @Inject
    AnalyticsAccess(CurrentIdentityAssociation identities) {
        super(AccessPolicy.load(), identities);
    }
}
