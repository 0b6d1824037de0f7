package dev.cdm.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoresTest {

    @TempDir
    Path data;

    @Test
    void bothStores_keepTheirData_acrossARestart() throws Exception {
        try (EmbeddedStores stores = EmbeddedStores.start(data, 0, 0)) {
            try (Connection c = DriverManager.getConnection(stores.eventStoreJdbcUrl(), stores.eventStoreUser(), "");
                 Statement s = c.createStatement()) {
                try (ResultSet fsync = s.executeQuery("SHOW fsync")) {
                    fsync.next();
                    assertThat(fsync.getString(1)).isEqualTo("on");
                }
                s.execute("CREATE TABLE kept (v TEXT)");
                s.execute("INSERT INTO kept VALUES ('event')");
            }
            try (MongoClient client = MongoClients.create(stores.mongoUri())) {
                client.getDatabase("cdm-test").getCollection("kept").insertOne(new Document("_id", "doc"));
            }
        }

        try (EmbeddedStores stores = EmbeddedStores.start(data, 0, 0)) {
            try (Connection c = DriverManager.getConnection(stores.eventStoreJdbcUrl(), stores.eventStoreUser(), "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("event");
            }
            try (MongoClient client = MongoClients.create(stores.mongoUri())) {
                assertThat(client.getDatabase("cdm-test").getCollection("kept").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void start_fails_whenThePostgresPortIsTaken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedStores.start(data, taken.getLocalPort(), 0))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }
}
