package dev.cdm.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform once for all system test classes (it takes seconds, not milliseconds) and stops it when
 * the whole run ends.
 */
final class SharedPlatform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static RunningPlatform running;

    static synchronized RunningPlatform get() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
        }
        return running;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (running == null) {
            running = RunningPlatform.start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPlatform.class, this);
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
