package dev.cdm.consent.command;

import dev.cdm.consent.api.RecordConsentCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends decisions to the SubjectConsents aggregate. Two first decisions of one subject that race each other both
 * try to create its stream; the event store lets one win and the other is retried against the winner.
 */
@ApplicationScoped
public class ConsentRecorder {

    private static final int ATTEMPTS = 3;

    @Inject
    CommandGateway commands;

    /** True when the decision was recorded, false when the same decision was already in force. */
    public boolean record(RecordConsentCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean changed = commands.sendAndWait(command);
                return Boolean.TRUE.equals(changed);
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
