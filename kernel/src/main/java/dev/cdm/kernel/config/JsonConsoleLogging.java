package dev.cdm.kernel.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Switches console logs to one JSON object per line when {@code LOG_JSON=true}, for log collectors. The Quarkus
 * JSON-logging extension is not available to this build, and the log manager's own JSON formatter cannot see the
 * JSON library from the boot class path, so {@link JsonLogFormatter} does it.
 */
class JsonConsoleLogging {

    void enable(@Observes @Priority(1) StartupEvent event,
                @ConfigProperty(name = "cdm.log.json", defaultValue = "false") boolean json) {
        if (!json) {
            return;
        }
        useJsonOnConsole(Logger.getLogger("").getHandlers());
    }

    // Quarkus nests the console handler inside delaying/async handlers
    private static void useJsonOnConsole(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                handler.setFormatter(new JsonLogFormatter());
            } else if (handler instanceof ExtHandler nesting) {
                useJsonOnConsole(nesting.getHandlers());
            }
        }
    }
}
