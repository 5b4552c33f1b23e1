package dev.cinema.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.PostgresDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles("postgres")
class CommandApiPostgresTest extends CommandApiIntegrationTest {

    @Test
    void noColumnIsALargeObjectAndAxonBlobsAreBytea() {
        assertThat(jdbc.queryForList(
                        "select table_name || '.' || column_name from information_schema.columns where data_type = 'oid'"
                                + " and table_schema not in ('pg_catalog', 'information_schema')",
                        String.class))
                .isEmpty();
        List<Map<String, Object>> blobs = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry',
                                     'dead_letter_entry')
                  and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""");
        assertThat(blobs)
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
    }

    @Test
    void theEventSequenceHandsOutOneNumberAtATimeWithoutGaps() {
        assertThat(jdbc.queryForObject(
                        "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'",
                        Long.class))
                .isEqualTo(1L);
        long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        String admin = adminToken();
        for (int i = 0; i < 3; i++) {
            http.post("/api/admin/locations", Map.of("name", "Sequence " + i), admin);
        }
        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class,
                before);
        assertThat(indexes).hasSize(3);
        assertThat(indexes.get(2) - indexes.get(0)).isEqualTo(2);
    }

    @Test
    void theSchemaIsFlywaysAndItsHistoryIsComplete() {
        assertThat(jdbc.queryForList(
                        "select version from flyway_history_command where success order by installed_rank",
                        String.class))
                .contains("1", "100");
    }
}
