package dev.cdm.kernel.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.formatters.JsonFormatter;

/**
 * Switches console logs to one JSON object per line when {@code LOG_JSON=true}, for log collectors. The Quarkus
 * JSON-logging extension is not available to this build, so the log manager's own JSON formatter is used.
 */
class JsonConsoleLogging {

    void enable(@Observes @Priority(1) StartupEvent event,
                @ConfigProperty(name = "cdm.log.json", defaultValue = "false") boolean json) {
        if (!json) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler || handler.getClass().getSimpleName().contains("Console")) {
                handler.setFormatter(new JsonFormatter());
            }
        }
    }
}
