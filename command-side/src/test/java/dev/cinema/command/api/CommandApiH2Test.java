package dev.cinema.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.H2Database;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class CommandApiH2Test extends CommandApiIntegrationTest {

    @Test
    void axonBlobColumnsAreVariableBinaries() {
        List<String> types = jdbc.queryForList("""
                select data_type from information_schema.columns
                where lower(table_name) in ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry')
                  and lower(column_name) in ('payload', 'meta_data', 'token', 'serialized_saga')""", String.class);
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(type).isEqualToIgnoringCase("BINARY VARYING"));
    }
}
