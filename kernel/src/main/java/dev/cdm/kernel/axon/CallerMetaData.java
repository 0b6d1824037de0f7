package dev.cdm.kernel.axon;

import dev.cdm.kernel.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * Who caused a change: a command dispatched while serving a gRPC call carries its {@link Caller} in its metadata
 * ({@value #CALLER}, and {@value #ON_BEHALF_OF} when a service acted for someone), and the events the command
 * causes inherit it ({@link #correlation()}). The names are those of staff and service accounts, never of a data
 * subject. A command dispatched by the service on its own (an event handler's) has none.
 */
public final class CallerMetaData implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String CALLER = "caller";
    public static final String ON_BEHALF_OF = "onBehalfOf";

    /** Copies the caller from the command into the metadata of every event it causes. */
    public static CorrelationDataProvider correlation() {
        return new SimpleCorrelationDataProvider(CALLER, ON_BEHALF_OF);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> Caller.current()
                .<CommandMessage<?>>map(caller -> command.andMetaData(metaDataOf(caller)))
                .orElse(command);
    }

    private static Map<String, String> metaDataOf(Caller caller) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(CALLER, caller.name());
        if (caller.onBehalfOf() != null) {
            metaData.put(ON_BEHALF_OF, caller.onBehalfOf());
        }
        return metaData;
    }
}
