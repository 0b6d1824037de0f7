package dev.cdm.kernel.grpc;

import dev.cdm.kernel.security.ServiceCredentials;
import io.grpc.ManagedChannel;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels to peer services (see {@link PeerChannel}), built once, when a service first needs one, and closed
 * on shutdown. Ingestion sends records to profile-service; consent-service resolves data subjects there, and asks
 * ingestion for a subject's rejects when it exports their data; profile-service asks consent-service for the policy
 * decision on every read of a profile, and both it and ingestion have consent-service audit the reads of records
 * outside a profile ({@code RecordAccessAudit}). Every call carries the service's own token and the
 * caller it acts for ({@link PeerCallInterceptor}).
 */
public class PeerChannels {

    public static final String PROFILE_SERVICE = "profile-service";
    public static final String INGESTION_SERVICE = "ingestion-service";
    public static final String CONSENT_SERVICE = "consent-service";

    @Produces
    @Singleton
    @Named(PROFILE_SERVICE)
    ManagedChannel profileService(
            @ConfigProperty(name = "cdm.peers.profile-service", defaultValue = "127.0.0.1:8082") String address,
            PeerRetry retry, PeerTls tls, ServiceCredentials credentials) {
        return open(address, "cdm.v1.ProfileService", retry, tls, credentials);
    }

    @Produces
    @Singleton
    @Named(INGESTION_SERVICE)
    ManagedChannel ingestionService(
            @ConfigProperty(name = "cdm.peers.ingestion-service", defaultValue = "127.0.0.1:8081") String address,
            PeerRetry retry, PeerTls tls, ServiceCredentials credentials) {
        return open(address, "cdm.v1.IngestionService", retry, tls, credentials);
    }

    @Produces
    @Singleton
    @Named(CONSENT_SERVICE)
    ManagedChannel consentService(
            @ConfigProperty(name = "cdm.peers.consent-service", defaultValue = "127.0.0.1:8083") String address,
            PeerRetry retry, PeerTls tls, ServiceCredentials credentials) {
        return open(address, "cdm.v1.ConsentService", retry, tls, credentials);
    }

    private static ManagedChannel open(String address, String grpcService, PeerRetry retry, PeerTls tls,
                                       ServiceCredentials credentials) {
        return PeerChannel.open(address, tls.trustCertificateFile(), grpcService, retry.maxAttempts(),
                retry.initialBackoff(), retry.maxBackoff(), new PeerCallInterceptor(credentials));
    }

    void close(@Disposes @Named(PROFILE_SERVICE) ManagedChannel channel) throws InterruptedException {
        PeerChannel.close(channel);
    }

    void closeIngestion(@Disposes @Named(INGESTION_SERVICE) ManagedChannel channel) throws InterruptedException {
        PeerChannel.close(channel);
    }

    void closeConsent(@Disposes @Named(CONSENT_SERVICE) ManagedChannel channel) throws InterruptedException {
        PeerChannel.close(channel);
    }
}
