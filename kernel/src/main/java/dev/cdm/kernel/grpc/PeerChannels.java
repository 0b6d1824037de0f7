package dev.cdm.kernel.grpc;

import io.grpc.ManagedChannel;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels to peer services (see {@link PeerChannel}), built once, when a service first needs one, and closed
 * on shutdown. Ingestion sends records to profile-service; consent-service resolves data subjects there, and asks
 * ingestion for a subject's rejects when it exports their data.
 */
public class PeerChannels {

    public static final String PROFILE_SERVICE = "profile-service";
    public static final String INGESTION_SERVICE = "ingestion-service";

    @Produces
    @Singleton
    @Named(PROFILE_SERVICE)
    ManagedChannel profileService(
            @ConfigProperty(name = "cdm.peers.profile-service", defaultValue = "127.0.0.1:8082") String address,
            @ConfigProperty(name = "cdm.peers.retry.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "cdm.peers.retry.initial-backoff", defaultValue = "PT0.1S") Duration initial,
            @ConfigProperty(name = "cdm.peers.retry.max-backoff", defaultValue = "PT2S") Duration max) {
        return PeerChannel.open(address, "cdm.v1.ProfileService", maxAttempts, initial, max);
    }

    @Produces
    @Singleton
    @Named(INGESTION_SERVICE)
    ManagedChannel ingestionService(
            @ConfigProperty(name = "cdm.peers.ingestion-service", defaultValue = "127.0.0.1:8081") String address,
            @ConfigProperty(name = "cdm.peers.retry.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "cdm.peers.retry.initial-backoff", defaultValue = "PT0.1S") Duration initial,
            @ConfigProperty(name = "cdm.peers.retry.max-backoff", defaultValue = "PT2S") Duration max) {
        return PeerChannel.open(address, "cdm.v1.IngestionService", maxAttempts, initial, max);
    }

    void close(@Disposes @Named(PROFILE_SERVICE) ManagedChannel channel) throws InterruptedException {
        PeerChannel.close(channel);
    }

    void closeIngestion(@Disposes @Named(INGESTION_SERVICE) ManagedChannel channel) throws InterruptedException {
        PeerChannel.close(channel);
    }
}
