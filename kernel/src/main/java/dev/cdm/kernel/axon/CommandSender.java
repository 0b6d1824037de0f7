package dev.cdm.kernel.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command and waits for its result. Two commands that race to create (or append to) one aggregate stream
 * both try to write the same sequence number; the event store lets one win and the other is retried against the
 * winner's state.
 */
@ApplicationScoped
public class CommandSender {

    static final int ATTEMPTS = 3;

    @Inject
    CommandGateway commands;

    public <R> R send(Object command) {
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
