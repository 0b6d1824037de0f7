package dev.cdm.consent.command;

import dev.cdm.consent.api.AdoptConsentsCommand;
import dev.cdm.consent.api.ConsentTransfer;
import dev.cdm.consent.api.MergeConsentsIntoCommand;
import dev.cdm.consent.query.ConsentHistory;
import dev.cdm.kernel.events.ConsentsAdoptedEvent.Reason;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/**
 * Makes consents follow the profiles. When a profile is merged into another, its decisions move to the survivor,
 * where the more recent decision per purpose and channel is in force, and decisions sent for it later are recorded
 * there. When records are split off into a new profile, that profile inherits only the refusals and the sale
 * opt-out in force at the split: honouring a refusal is always safe, but nobody has shown that the split-off person
 * granted anything. Every step is idempotent, so an event handled twice changes nothing; it is never replayed.
 */
@ProcessingGroup(ConsentLineage.NAME)
@DisallowReplay
public class ConsentLineage {

    public static final String NAME = "consent-lineage";

    private final CommandGateway commands;
    private final ConsentHistory history;

    public ConsentLineage(CommandGateway commands, ConsentHistory history) {
        this.commands = commands;
        this.history = history;
    }

    @EventHandler
    void on(ProfileMergedIntoEvent event) {
        ConsentTransfer transfer = commands.sendAndWait(
                new MergeConsentsIntoCommand(event.profileId(), event.survivorProfileId(), event.mergedAt()));
        adopt(event.survivorProfileId(), event.profileId(), Reason.MERGE, transfer, event.mergedAt());
    }

    @EventHandler
    void on(SourceRecordsSplitEvent event) {
        ConsentTransfer transfer = ConsentTransfer.refusalsOf(history.ownLedger(event.profileId(), event.splitAt()));
        adopt(event.newProfileId(), event.profileId(), Reason.SPLIT, transfer, event.splitAt());
    }

    /** Sends the transfer to {@code subjectId}, or to the profile it has been merged into since. */
    private void adopt(String subjectId, String fromSubjectId, Reason reason, ConsentTransfer transfer,
                       Instant at) {
        if (!transfer.isEmpty()) {
            FollowingMerges.send(subjectId,
                    target -> new AdoptConsentsCommand(target, fromSubjectId, reason, transfer, at),
                    commands::sendAndWait);
        }
    }
}
