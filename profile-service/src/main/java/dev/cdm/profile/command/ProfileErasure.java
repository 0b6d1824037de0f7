package dev.cdm.profile.command;

import dev.cdm.kernel.axon.CommandSender;
import dev.cdm.kernel.erasure.PersonalDataPurge;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasureAcknowledgedEvent.PurgedStore;
import dev.cdm.profile.api.EraseProfileCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Retires every profile of an erasure (ProfileErased): it takes no records any more, and the profile view and the
 * match index drop it as they reach that event, in a replay too.
 */
@ApplicationScoped
class ProfileErasure implements PersonalDataPurge {

    static final String STORE = "profile-service projections (profile-view, identity-index)";

    @Inject
    CommandSender commands;

    @Inject
    Clock clock;

    @Override
    public List<PurgedStore> purge(DataKeysDestroyedEvent erasure) {
        long erased = 0;
        for (String profileId : erasure.profileIds()) {
            try {
                commands.send(new EraseProfileCommand(profileId, erasure.requestId(), clock.instant()));
                erased++;
            } catch (AggregateNotFoundException unknown) {
                // nothing was ever stored under this id
            }
        }
        return List.of(new PurgedStore(STORE, erased));
    }
}
