package dev.cdm.profile.command;

import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends registrations to the CustomerProfile aggregate. Two registrations of one new record that race each other
 * both try to create the profile; the event store lets one win and the other is retried against the winner.
 */
@ApplicationScoped
public class SourceRecordRegistrar {

    private static final int ATTEMPTS = 3;

    @Inject
    CommandGateway commands;

    public RegistrationOutcome register(RegisterSourceRecordCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isWriteConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isWriteConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
