package dev.cdm.kernel.axon;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/** Adds the name of the command that caused an event to the event's metadata ({@code commandName}). */
public final class CommandNameProvider implements CorrelationDataProvider {

    public static final String KEY = "commandName";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> command ? Map.of(KEY, command.getCommandName()) : Map.of();
    }
}
