package dev.cinema.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentEvent;
import dev.cinema.contracts.payment.RefundEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every payment and refund event of a period, in global order, one line each, written as it is
 * read (a cursor, a fetch size: memory stays the same whatever the period holds). A line is the
 * event's envelope (position, instant, stream, type, who sent it) and its payload flattened: ids as
 * their value, each money field {@code x} as {@code xMinor} and {@code xCurrency}. NDJSON ends with
 * a summary line; CSV has a fixed header, the envelope and every field any payment or refund event
 * can carry.
 */
@Component
class EventExport {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    /** The streams whose events are exported: money moves only in these. */
    static final List<String> AGGREGATES = List.of("Payment", "Refund");

    static final List<String> ENVELOPE =
            List.of("globalIndex", "at", "aggregateType", "aggregateId", "sequence", "eventType", "eventId", "sentBy");

    /** Every column of the CSV form: the envelope, then each field of every payment and refund event. */
    static final List<String> COLUMNS = columns();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final StoredEvents store;

    EventExport(StoredEvents store) {
        this.store = store;
    }

    /** Writes the period in the format ({@code ndjson} or {@code csv}); answers its summary. */
    ExportSummary write(AuditPeriod period, String format, OutputStream out, CheckpointView checkpoint) {
        boolean csv = "csv".equals(format);
        Writer writer =
                new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            if (csv) {
                writer.write(csvLine(new ArrayList<>(COLUMNS)));
            }
            ExportSummary summary = each(period, checkpoint, line -> {
                try {
                    writer.write(csv ? csvLine(csvValues(line)) : JSON.writeValueAsString(line) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!csv) {
                writer.write(JSON.writeValueAsString(Map.of("summary", summary)) + "\n");
            }
            writer.flush();
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The period's summary alone, counted from the same events as the export. */
    ExportSummary totals(AuditPeriod period, CheckpointView checkpoint) {
        return each(period, checkpoint, line -> {});
    }

    private ExportSummary each(AuditPeriod period, CheckpointView checkpoint, Consumer<Map<String, Object>> lines) {
        Totals totals = new Totals();
        store.readOnly(() -> {
            List<Object> arguments = new ArrayList<>(AGGREGATES);
            arguments.add(period.fromText());
            arguments.add(period.toText());
            store.stream(
                    "where type in (" + StoredEvents.placeholders(AGGREGATES.size()) + ")"
                            + " and time_stamp >= ? and time_stamp < ? order by global_index",
                    arguments,
                    event -> {
                        if (period.contains(event.at())) {
                            Map<String, Object> line = line(event);
                            totals.add(line);
                            lines.accept(line);
                        }
                    });
            return null;
        });
        return totals.summary(period, checkpoint);
    }

    /** One event as an export line. */
    static Map<String, Object> line(StoredEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("globalIndex", event.globalIndex());
        line.put("at", event.timestamp());
        line.put("aggregateType", event.aggregateType());
        line.put("aggregateId", event.aggregateId());
        line.put("sequence", event.sequence());
        line.put("eventType", event.simpleType());
        line.put("eventId", event.eventId());
        line.put("sentBy", text(tree(event.metadata()).get("sentBy")));
        JsonNode payload = tree(event.payload());
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            flatten(field.getKey(), field.getValue(), line);
        }
        return line;
    }

    private static void flatten(String name, JsonNode value, Map<String, Object> line) {
        if (value.isObject() && value.size() == 2 && value.has("amountMinor") && value.has("currency")) {
            line.put(name + "Minor", value.get("amountMinor").asLong());
            line.put(name + "Currency", value.get("currency").asText());
        } else if (value.isObject() && value.size() == 1 && value.has("value")) {
            line.put(name, value.get("value").asText());
        } else if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item)));
            line.put(name, items);
        } else {
            line.put(name, scalar(value));
        }
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isObject() && value.size() == 1 && value.has("value")) {
            return value.get("value").asText();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> csvValues(Map<String, Object> line) {
        List<String> values = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            Object value = line.get(column);
            if (value instanceof List<?> list) {
                values.add(list.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            } else {
                values.add(value == null ? "" : String.valueOf(value));
            }
        }
        return values;
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (value.indexOf(',') >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.append("\r\n").toString();
    }

    private static JsonNode tree(byte[] json) {
        if (json == null || json.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // An edited row may hold anything: it is exported as it is, the integrity check says what broke.
            return JSON.createObjectNode().put("unreadable", new String(json, StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> columns() {
        Set<String> columns = new LinkedHashSet<>(ENVELOPE);
        for (Class<?> marker : List.of(PaymentEvent.class, RefundEvent.class)) {
            for (Class<?> event : marker.getPermittedSubclasses()) {
                for (RecordComponent component : event.getRecordComponents()) {
                    if (component.getType() == Money.class) {
                        columns.add(component.getName() + "Minor");
                        columns.add(component.getName() + "Currency");
                    } else {
                        columns.add(component.getName());
                    }
                }
            }
        }
        return List.copyOf(columns);
    }

    /** Count, captured and refunded per currency, as the lines go by. */
    private static final class Totals {
        long events;
        final Map<String, long[]> perCurrency = new TreeMap<>();

        void add(Map<String, Object> line) {
            events++;
            Object type = line.get("eventType");
            boolean captured = "PaymentCapturedEvent".equals(type);
            boolean refunded = "PaymentRefundedEvent".equals(type);
            if ((captured || refunded) && line.get("amountMinor") instanceof Long minor) {
                long[] sums = perCurrency.computeIfAbsent(String.valueOf(line.get("amountCurrency")), c -> new long[2]);
                sums[captured ? 0 : 1] += minor;
            }
        }

        ExportSummary summary(AuditPeriod period, CheckpointView checkpoint) {
            List<ExportSummary.CurrencyTotals> totals = new ArrayList<>();
            perCurrency.forEach((currency, sums) ->
                    totals.add(new ExportSummary.CurrencyTotals(currency, sums[0], sums[1], sums[0] - sums[1])));
            return new ExportSummary(period.from(), period.to(), events, totals, checkpoint);
        }
    }
}
