package dev.cdm.stores;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stores as a process: {@code --data DIR --postgres-port N --mongo-port N}. Prints one line
 * {@code READY <jdbc-url> <mongo-uri> <master-key-file>} to standard output when both accept connections, and stops cleanly on
 * SIGTERM.
 */
public final class EmbeddedStoresMain {

    private EmbeddedStoresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of("data");
        int postgresPort = 15432;
        int mongoPort = 27027;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[i + 1]);
                case "--mongo-port" -> mongoPort = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        EmbeddedStores stores = EmbeddedStores.start(data.toAbsolutePath(), postgresPort, mongoPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stores.close();
            stopped.countDown();
        }, "embedded-stores-shutdown"));
        System.out.println("READY " + stores.eventStoreJdbcUrl() + " " + stores.mongoUri() + " "
                + stores.masterKeyFile());
        System.out.flush();
        stopped.await();
    }
}
