package dev.cinema.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.query.rebuild.SlotRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivers events to a projection as a tracking processor does: a batch of them in one unit of
 * work and one transaction, each through the projection's annotated handlers (so that sequence
 * numbers, timestamps and identifiers are resolved from the message). And reads a read model's
 * rows as text, for comparing two sets of rows that differ only in their ids.
 */
public final class Batches {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final SlotRouting routing;

    public Batches(TransactionManager transactions, JdbcTemplate jdbc, SlotRouting routing) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.routing = routing;
    }

    /** The events as one batch: one unit of work, one transaction. */
    public void deliver(Object projection, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handlers.handle(unitOfWork.getMessage()));
        assertThat(result.isExceptional())
                .as("the batch failed: %s", result.isExceptional() ? result.exceptionResult() : null)
                .isFalse();
    }

    /** The events in batches of {@code size} (the last one smaller). */
    public void deliverInBatchesOf(int size, Object projection, List<? extends EventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += size) {
            deliver(projection, events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    /** Every row of the table (of the slot queries read) whose {@code idColumn} is one of {@code ids}, as text, with
     * that column replaced by the id's place in {@code ids}; sorted. */
    public List<String> rows(String table, String idColumn, List<String> ids) {
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        jdbc.query(
                routing.route("select * from read_model." + table + " where " + idColumn + " in (" + in + ")"),
                (java.sql.ResultSet row) -> {
                    Map<String, String> columns = new TreeMap<>();
                    for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                        String column = row.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT);
                        String value = row.getString(c);
                        columns.put(column, column.equals(idColumn) ? "#" + ids.indexOf(value) : String.valueOf(value));
                    }
                    rows.add(columns.toString());
                },
                ids.toArray());
        rows.sort(null);
        return rows;
    }
}
