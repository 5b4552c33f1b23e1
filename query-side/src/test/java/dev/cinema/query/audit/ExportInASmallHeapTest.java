package dev.cinema.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The export streams in constant memory, for real: an embedded PostgreSQL is filled with 80,000
 * payment events (some 60 MB of payloads and metadata, far more than the heap below), and the
 * export runs in a child JVM started with a 24 MiB heap. Through a cursor (the configured fetch
 * size) it writes every event and the summary; read whole (no fetch size, what the driver does
 * outside a transaction or without one), the same export runs out of memory, which shows that the
 * heap really is too small to hold the period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportInASmallHeapTest {

    static final int EVENTS = 80_000;
    static final String HEAP = "-Xmx24m";

    String url;

    @BeforeAll
    void fillAStore() throws Exception {
        url = dev.cinema.platform.testsupport.EmbeddedPostgres.newDatabase();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String ddl : axonSchema()) {
                statement.execute(ddl);
            }
            // Four events per payment: requested, captured (1000 + n % 100 minor units), two refunds
            // of 100; each with a 400-character provider reference, as bulky as real ones get.
            statement.execute("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                    + " select g, 'event-' || g, 'payment-' || ((g + 3) / 4), (g - 1) % 4, 'Payment',"
                    + " to_char(timestamp '2026-03-01 00:00:00' + g * interval '1 second',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                    + " 'dev.cinema.contracts.payment.' || (case (g - 1) % 4 when 0 then 'PaymentRequestedEvent'"
                    + " when 1 then 'PaymentCapturedEvent' else 'PaymentRefundedEvent' end), null,"
                    + " convert_to('{\"paymentId\":{\"value\":\"payment-' || ((g + 3) / 4) || '\"},"
                    + "\"bookingId\":{\"value\":\"booking-' || ((g + 3) / 4) || '\"},"
                    + "\"customerId\":{\"value\":\"customer-' || (g % 97) || '\"},"
                    + "\"amount\":{\"amountMinor\":' || (case when (g - 1) % 4 >= 2 then 100 else 1000 + ((g + 3) / 4) % 100 end)"
                    + " || ',\"currency\":\"EUR\"},\"pspReference\":\"' || repeat('r', 400) || '\"}', 'UTF8'),"
                    + " convert_to('{\"sentBy\":\"customer-' || (g % 97) || '\",\"correlationId\":\"' || md5(g::text)"
                    + " || '\",\"traceId\":\"' || md5((g + 1)::text) || '\",\"auditLink\":\"' || md5(g::text)"
                    + " || md5((g * 7)::text) || '\"}', 'UTF8')"
                    + " from generate_series(1, " + EVENTS + ") g");
        }
    }

    @Test
    void anExportOfAPeriodThatCannotFitInTheHeapStreamsEveryEventAndItsSummary() throws Exception {
        Path out = Files.createTempFile("export", ".ndjson");
        try {
            Child child = export(out, 500);
            assertThat(child.exit()).as(child.output()).isZero();
            assertThat(child.output()).contains("exported " + EVENTS + " events");

            long lines;
            JsonNode last = null;
            long previous = 0;
            long captured = 0;
            try (BufferedReader reader = Files.newBufferedReader(out)) {
                lines = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    JsonNode node = JsonHttp.MAPPER.readTree(line);
                    if (node.has("summary")) {
                        last = node;
                        continue;
                    }
                    assertThat(node.get("globalIndex").asLong()).isGreaterThan(previous);
                    previous = node.get("globalIndex").asLong();
                    if (node.get("eventType").asText().equals("PaymentCapturedEvent")) {
                        captured += node.get("amountMinor").asLong();
                    }
                }
            }
            assertThat(lines).isEqualTo(EVENTS + 1);
            long payments = EVENTS / 4;
            long expectedCaptured = 0;
            for (long payment = 1; payment <= payments; payment++) {
                expectedCaptured += 1000 + payment % 100;
            }
            assertThat(captured).isEqualTo(expectedCaptured);
            assertThat(last).isNotNull();
            assertThat(last.at("/summary/events").asLong()).isEqualTo(EVENTS);
            assertThat(last.at("/summary/totals/0/capturedMinor").asLong()).isEqualTo(expectedCaptured);
            assertThat(last.at("/summary/totals/0/refundedMinor").asLong()).isEqualTo(payments * 200);
            assertThat(last.at("/summary/totals/0/netMinor").asLong()).isEqualTo(expectedCaptured - payments * 200);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void readWholeTheSamePeriodDoesNotFitInThatHeap() throws Exception {
        Path out = Files.createTempFile("export", ".ndjson");
        try {
            Child child = export(out, 0);
            assertThat(child.exit()).as(child.output()).isNotZero();
            assertThat(child.output()).contains("OutOfMemoryError");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    record Child(int exit, String output) {}

    private Child export(Path out, int fetchSize) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        classPath,
                        SmallHeapExport.class.getName(),
                        url,
                        out.toString(),
                        String.valueOf(fetchSize))
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream stream = process.getInputStream()) {
            output = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the export did not finish in 3 minutes: " + output);
        }
        return new Child(process.exitValue(), output);
    }

    /** Axon's tables, from the platform's own migration. */
    private static List<String> axonSchema() throws IOException {
        try (InputStream script =
                ExportInASmallHeapTest.class.getResourceAsStream("/db/axon/V1__axon_infrastructure.sql")) {
            assertThat(script).as("the platform's Axon migration").isNotNull();
            String sql;
            try (Stream<String> lines = new String(script.readAllBytes(), StandardCharsets.UTF_8).lines()) {
                sql = lines.filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
            }
            List<String> statements = new ArrayList<>();
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.trim());
                }
            }
            return statements;
        }
    }
}
