package dev.cinema.standalone.bench.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server a run measured and the settings that decide what a commit costs: a figure
 * means little without them (the embedded test server runs with fsync off, DESIGN.md section 11).
 */
record ServerSettings(String version, Map<String, String> durability) {

    static final String[] SETTINGS = {
        "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers"
    };

    static ServerSettings read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String version;
            try (ResultSet rows = statement.executeQuery("select version()")) {
                rows.next();
                version = rows.getString(1);
            }
            Map<String, String> durability = new LinkedHashMap<>();
            for (String setting : SETTINGS) {
                try (ResultSet rows = statement.executeQuery("show " + setting)) {
                    rows.next();
                    durability.put(setting, rows.getString(1));
                }
            }
            return new ServerSettings(version, durability);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(version);
        durability.forEach(
                (name, value) -> text.append(", ").append(name).append('=').append(value));
        return text.toString();
    }
}
