package dev.cinema.query.audit;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The export run on its own, for {@link ExportInASmallHeapTest}: started in a JVM with a small heap,
 * it exports a period of the event store at {@code args[0]} to the file {@code args[1]}, reading
 * {@code args[2]} rows per round trip, exactly as the query API's export does.
 */
public final class SmallHeapExport {

    private SmallHeapExport() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        int fetchSize = Integer.parseInt(args[2]);
        StoredEvents store = new StoredEvents(
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                new AuditProperties(Duration.ofDays(366), Duration.ZERO, fetchSize));
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[1]))) {
            ExportSummary summary = new EventExport(store)
                    .write(
                            new AuditPeriod(
                                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")),
                            "ndjson",
                            out,
                            null);
            System.out.println("exported " + summary.events() + " events with a heap of at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        }
    }
}
