package dev.cinema.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabaseOnARealPostgres() throws Exception {
        String first = EmbeddedPostgres.newDatabase();
        String second = EmbeddedPostgres.newDatabase();
        assertThat(first).isNotEqualTo(second);
        try (Connection connection = DriverManager.getConnection(first, "postgres", "postgres");
                ResultSet version = connection.createStatement().executeQuery("show server_version")) {
            version.next();
            assertThat(version.getString(1)).startsWith("14.");
        }
    }
}
