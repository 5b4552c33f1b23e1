package dev.cinema.query.payment;

import dev.cinema.contracts.payment.PaymentEvent;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.query.rebuild.ProcessorBatch;
import dev.cinema.query.rebuild.SlotJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;

/**
 * The payments one batch of events touches, in memory: each payment's entries read once (all the
 * batch's payments with one statement), folded event by event through {@link PaymentState}, and
 * written once by {@link #flush()}: new entries inserted many rows to a statement, changed ones
 * updated in one JDBC batch. The entries are {@link PaymentHistoryRow}s used as plain objects,
 * never managed by JPA.
 */
final class PaymentHistoryBatch implements ProcessorBatch.State {

    private static final List<String> VALUE_COLUMNS = List.of(
            "booking_id",
            "customer_id",
            "amount_minor",
            "currency",
            "status",
            "psp_reference",
            "reason",
            "occurred_at");
    private static final int[] VALUE_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE
    };
    private static final List<String> KEY_COLUMNS = List.of("payment_id", "kind", "entry_id");
    private static final int[] KEY_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private static final SlotJdbc.Columns COLUMNS = new SlotJdbc.Columns(
            "read_model.payment_history_entry", concat(KEY_COLUMNS, VALUE_COLUMNS), concat(KEY_TYPES, VALUE_TYPES));

    /** An entry's values, then its key. */
    private static final SlotJdbc.Columns CHANGES = new SlotJdbc.Columns(
            "read_model.payment_history_entry", concat(VALUE_COLUMNS, KEY_COLUMNS), concat(VALUE_TYPES, KEY_TYPES));

    private static final String SELECT =
            "select " + String.join(", ", COLUMNS.names()) + " from read_model.payment_history_entry where";

    private final SlotJdbc jdbc;

    /** Every payment looked up in this batch: its entries by key (none for a payment not yet seen). */
    private final Map<String, Map<PaymentHistoryKey, PaymentHistoryRow>> payments = new HashMap<>();

    private final Set<PaymentHistoryRow> newRows = new LinkedHashSet<>();
    private final Set<PaymentHistoryRow> changedRows = new LinkedHashSet<>();

    PaymentHistoryBatch(SlotJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads at once the entries of every payment the batch's events are about. */
    PaymentHistoryBatch readAhead(List<EventMessage<?>> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> message : events) {
            if (message.getPayload() instanceof PaymentEvent event) {
                ids.add(event.paymentId().value());
            }
        }
        load(ids);
        return this;
    }

    /**
     * Folds one event of the payment: the payment as its entries show it, {@code change} applied,
     * and every entry set as the new state shows it (what {@link PaymentState} says an event means
     * is said there once, for this read model and for auditors alike).
     */
    void fold(String paymentId, UnaryOperator<PaymentState> change) {
        if (!payments.containsKey(paymentId)) {
            load(List.of(paymentId));
        }
        Map<PaymentHistoryKey, PaymentHistoryRow> rows = payments.get(paymentId);
        PaymentState payment = change.apply(PaymentHistoryRow.state(paymentId, rows.values()));
        payment.keyedHistoryEntries().forEach((key, entry) -> {
            PaymentHistoryRow row = rows.get(key);
            if (row == null) {
                row = new PaymentHistoryRow(key.paymentId, key.kind, key.entryId);
                row.show(entry);
                rows.put(key, row);
                newRows.add(row);
            } else {
                PaymentHistoryEntry before = row.view();
                row.show(entry);
                if (!newRows.contains(row) && !row.view().equals(before)) {
                    changedRows.add(row);
                }
            }
        });
    }

    @Override
    public void flush() {
        jdbc.insert(
                COLUMNS,
                newRows.stream().map(row -> concat(key(row), values(row))).toList());
        jdbc.update(
                CHANGES,
                KEY_COLUMNS.size(),
                changedRows.stream().map(row -> concat(values(row), key(row))).toList());
        newRows.clear();
        changedRows.clear();
    }

    private void load(Collection<String> paymentIds) {
        List<Object[]> keys = paymentIds.stream()
                .filter(id -> !payments.containsKey(id))
                .map(id -> new Object[] {id})
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(key -> payments.put((String) key[0], new LinkedHashMap<>()));
        jdbc.selectByKeys(SELECT, List.of("payment_id"), new int[] {Types.VARCHAR}, keys, PaymentHistoryBatch::row)
                .forEach(row -> payments.get(row.key.paymentId).put(row.key, row));
    }

    private static Object[] key(PaymentHistoryRow row) {
        return new Object[] {row.key.paymentId, row.key.kind, row.key.entryId};
    }

    private static Object[] values(PaymentHistoryRow row) {
        return new Object[] {
            row.bookingId,
            row.customerId,
            row.amountMinor,
            row.currency,
            row.status,
            row.pspReference,
            row.reason,
            row.at
        };
    }

    private static PaymentHistoryRow row(ResultSet result, int index) throws SQLException {
        PaymentHistoryRow row = new PaymentHistoryRow(
                result.getString("payment_id"),
                EntryKind.valueOf(result.getString("kind")),
                result.getString("entry_id"));
        row.bookingId = result.getString("booking_id");
        row.customerId = result.getString("customer_id");
        row.amountMinor = result.getLong("amount_minor");
        row.currency = result.getString("currency");
        row.status = PaymentStatus.valueOf(result.getString("status"));
        row.pspReference = result.getString("psp_reference");
        row.reason = result.getString("reason");
        row.at = SlotJdbc.instant(result, "occurred_at");
        return row;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = new int[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] both = new Object[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
