package dev.cinema.query.payment;

import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.query.rebuild.SlotRouting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciliation of the payment history with payments folded from the event store: for each
 * payment, the entries the history holds must be exactly those {@link PaymentState} says it shows.
 */
@Component
@Transactional(readOnly = true)
public class PaymentHistoryCheck {

    /** A payment whose history is not what its events say. */
    public record Mismatch(String paymentId, String detail) {}

    private final PaymentHistoryRows entries;
    private final JdbcTemplate jdbc;
    private final SlotRouting slots;

    PaymentHistoryCheck(PaymentHistoryRows entries, JdbcTemplate jdbc, SlotRouting slots) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.slots = slots;
    }

    /** The payments among these whose entries differ from what their fold shows. */
    public List<Mismatch> differences(Collection<PaymentState> payments) {
        Map<String, List<PaymentHistoryRow>> shown = new HashMap<>();
        entries.findByKeyPaymentIdIn(
                        payments.stream().map(PaymentState::paymentId).toList())
                .forEach(row -> shown.computeIfAbsent(row.key.paymentId, id -> new ArrayList<>())
                        .add(row));
        List<Mismatch> mismatches = new ArrayList<>();
        for (PaymentState payment : payments) {
            Map<PaymentHistoryKey, PaymentHistoryEntry> expected = payment.keyedHistoryEntries();
            Map<PaymentHistoryKey, PaymentHistoryRow> rows = shown.getOrDefault(payment.paymentId(), List.of()).stream()
                    .collect(Collectors.toMap(row -> row.key, row -> row));
            List<String> faults = new ArrayList<>();
            expected.forEach((key, entry) -> {
                PaymentHistoryRow row = rows.get(key);
                PaymentHistoryEntry wanted = PaymentHistoryRow.clipped(entry);
                if (row == null) {
                    faults.add("no " + key.kind + " entry " + describe(wanted));
                } else if (!Objects.equals(row.view(), wanted)) {
                    faults.add(
                            key.kind + " entry shows " + describe(row.view()) + ", the events say " + describe(wanted));
                }
            });
            rows.keySet().stream()
                    .filter(key -> !expected.containsKey(key))
                    .forEach(key -> faults.add(key.kind + " entry " + key.entryId + " that no event made: "
                            + describe(rows.get(key).view())));
            if (!faults.isEmpty()) {
                mismatches.add(new Mismatch(payment.paymentId(), String.join("; ", faults)));
            }
        }
        return mismatches;
    }

    /** Payments the history shows that have no event in the store. */
    public List<String> paymentsWithoutEvents() {
        // Through the slot routing: the table is read from the slot queries answer from.
        return jdbc.queryForList(
                slots.route("select distinct p.payment_id from read_model.payment_history_entry p where not exists"
                        + " (select 1 from domain_event_entry e where e.aggregate_identifier = p.payment_id)"
                        + " order by p.payment_id"),
                String.class);
    }

    private static String describe(PaymentHistoryEntry entry) {
        return entry.status() + " " + entry.amount().amountMinor() + " "
                + entry.amount().currency() + " at "
                + entry.at() + (entry.pspReference() == null ? "" : " ref " + entry.pspReference())
                + (entry.reason() == null ? "" : " (" + entry.reason() + ")");
    }
}
