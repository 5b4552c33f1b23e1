package dev.cinema.query.analytics;

import dev.cinema.contracts.analytics.AnalyticsGrouping;
import dev.cinema.contracts.analytics.AnalyticsPeriod;
import dev.cinema.contracts.analytics.FindOccupancyQuery;
import dev.cinema.contracts.analytics.FindRefundsQuery;
import dev.cinema.contracts.analytics.FindSalesQuery;
import dev.cinema.contracts.analytics.OccupancyReport;
import dev.cinema.contracts.analytics.OccupancyRow;
import dev.cinema.contracts.analytics.RefundReport;
import dev.cinema.contracts.analytics.RefundRow;
import dev.cinema.contracts.analytics.SalesReport;
import dev.cinema.contracts.analytics.SalesRow;
import dev.cinema.contracts.common.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers analysts' reports: the database groups and sums each projection's fact rows (one per
 * sale, screening or refund) over the period, and the groups are named from that projection's own
 * copies of the catalogue. Facts whose cinema the projection never saw (only partial event streams
 * have them) are left out. Each report is read in one statement, so it is one consistent snapshot.
 */
@Component
@Transactional(readOnly = true)
class AnalyticsQueries {

    private final EntityManager entityManager;
    private final SalesItemRows salesItems;
    private final OccupancyItemRows occupancyItems;
    private final RefundItemRows refundItems;

    AnalyticsQueries(
            EntityManager entityManager,
            SalesItemRows salesItems,
            OccupancyItemRows occupancyItems,
            RefundItemRows refundItems) {
        this.entityManager = entityManager;
        this.salesItems = salesItems;
        this.occupancyItems = occupancyItems;
        this.refundItems = refundItems;
    }

    @QueryHandler
    SalesReport handle(FindSalesQuery query) {
        String group = group("s", query.groupBy(), "saleDay");
        List<Object[]> found = select(
                "select " + group + ", s.currency, count(s), sum(s.seats), sum(s.amountMinor) from SaleRow s"
                        + " where s.soldAt is not null and s.locationId is not null and "
                        + within("s", query.period(), "saleDay", "soldAt")
                        + " group by " + group + ", s.currency",
                query.period());
        Map<String, String> labels = labels(salesItems, query.groupBy(), keys(found));
        List<SalesRow> rows = found.stream()
                .map(row -> {
                    String key = key(row[0]);
                    String currency = (String) row[1];
                    return new SalesRow(
                            key,
                            labels.getOrDefault(key, key),
                            number(row[2]),
                            number(row[3]),
                            Money.of(number(row[4]), currency));
                })
                .sorted(order(
                        query.groupBy(),
                        SalesRow::key,
                        SalesRow::label,
                        row -> row.gross().currency()))
                .toList();
        return new SalesReport(query.period().fromText(), query.period().toText(), name(query.groupBy()), rows);
    }

    @QueryHandler
    OccupancyReport handle(FindOccupancyQuery query) {
        String group = group("o", query.groupBy(), "startDay");
        List<Object[]> found = select(
                "select " + group + ","
                        + " sum(case when o.cancelled = false then 1 else 0 end),"
                        + " sum(case when o.cancelled = true then 1 else 0 end),"
                        + " sum(case when o.cancelled = false then o.seatsSold else 0 end),"
                        + " sum(case when o.cancelled = false then o.capacity else 0 end)"
                        + " from OccupancyScreeningRow o where o.locationId is not null and "
                        + within("o", query.period(), "startDay", "startsAt")
                        + " group by " + group,
                query.period());
        Map<String, String> labels = labels(occupancyItems, query.groupBy(), keys(found));
        List<OccupancyRow> rows = found.stream()
                .map(row -> {
                    String key = key(row[0]);
                    long sold = number(row[3]);
                    long capacity = number(row[4]);
                    return new OccupancyRow(
                            key,
                            labels.getOrDefault(key, key),
                            number(row[1]),
                            number(row[2]),
                            sold,
                            capacity,
                            percent(sold, capacity));
                })
                .sorted(order(query.groupBy(), OccupancyRow::key, OccupancyRow::label, row -> ""))
                .toList();
        return new OccupancyReport(query.period().fromText(), query.period().toText(), name(query.groupBy()), rows);
    }

    @QueryHandler
    RefundReport handle(FindRefundsQuery query) {
        String group = group("r", query.groupBy(), "refundDay");
        TypedQuery<Object[]> statement = entityManager.createQuery(
                "select " + group + ", r.currency,"
                        + " sum(case when r.status = :completed then 1 else 0 end),"
                        + " sum(case when r.status = :completed then r.seats else 0 end),"
                        + " sum(case when r.status = :completed then r.amountMinor else 0L end),"
                        + " sum(case when r.status in (:pending) then 1 else 0 end),"
                        + " sum(case when r.status = :failed then 1 else 0 end),"
                        + " sum(case when r.status = :rejected then 1 else 0 end)"
                        + " from RefundFactRow r where r.locationId is not null and "
                        + within("r", query.period(), "refundDay", "refundAt")
                        + " group by " + group + ", r.currency",
                Object[].class);
        statement.setParameter("completed", RefundFactRow.Status.COMPLETED);
        statement.setParameter("pending", List.of(RefundFactRow.Status.REQUESTED, RefundFactRow.Status.APPROVED));
        statement.setParameter("failed", RefundFactRow.Status.FAILED);
        statement.setParameter("rejected", RefundFactRow.Status.REJECTED);
        List<Object[]> found = bind(statement, query.period()).getResultList();
        Map<String, String> labels = labels(refundItems, query.groupBy(), keys(found));
        List<RefundRow> rows = found.stream()
                .map(row -> {
                    String key = key(row[0]);
                    return new RefundRow(
                            key,
                            labels.getOrDefault(key, key),
                            number(row[2]),
                            number(row[3]),
                            Money.of(number(row[4]), (String) row[1]),
                            number(row[5]),
                            number(row[6]),
                            number(row[7]));
                })
                .sorted(order(
                        query.groupBy(),
                        RefundRow::key,
                        RefundRow::label,
                        row -> row.refunded().currency()))
                .toList();
        return new RefundReport(query.period().fromText(), query.period().toText(), name(query.groupBy()), rows);
    }

    /** The grouped column: the fact's film, cinema, location or local day (names from an enum, never input). */
    private static String group(String alias, AnalyticsGrouping groupBy, String dayColumn) {
        return alias + "."
                + switch (groupBy) {
                    case FILM -> "filmId";
                    case CINEMA -> "cinemaId";
                    case LOCATION -> "locationId";
                    case DAY -> dayColumn;
                };
    }

    /** From included, to excluded: local days against the fact's day, instants against its instant. */
    private static String within(String alias, AnalyticsPeriod period, String dayColumn, String instantColumn) {
        String column = alias + "." + (period.inDays() ? dayColumn : instantColumn);
        return column + " >= :from and " + column + " < :to";
    }

    private List<Object[]> select(String jpql, AnalyticsPeriod period) {
        return bind(entityManager.createQuery(jpql, Object[].class), period).getResultList();
    }

    private static TypedQuery<Object[]> bind(TypedQuery<Object[]> query, AnalyticsPeriod period) {
        if (period.inDays()) {
            return query.setParameter("from", period.fromDay()).setParameter("to", period.toDay());
        }
        return query.setParameter("from", period.from()).setParameter("to", period.to());
    }

    private static Set<String> keys(List<Object[]> rows) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(row -> keys.add(key(row[0])));
        return keys;
    }

    /** Names of the groups: the projection's copies of titles and names; a day names itself. */
    private static Map<String, String> labels(
            ItemRows<? extends ItemRow> items, AnalyticsGrouping groupBy, Collection<String> keys) {
        ItemKind kind = switch (groupBy) {
            case FILM -> ItemKind.FILM;
            case CINEMA -> ItemKind.CINEMA;
            case LOCATION -> ItemKind.LOCATION;
            case DAY -> null;
        };
        Map<String, String> labels = new HashMap<>();
        if (kind != null && !keys.isEmpty()) {
            items.findByKeyKindAndKeyIdIn(kind, keys).forEach(item -> labels.put(item.key.id, item.name));
        }
        return labels;
    }

    /** Days in order; films, cinemas and locations by name; then by currency. */
    private static <T> Comparator<T> order(
            AnalyticsGrouping groupBy,
            Function<T, String> key,
            Function<T, String> label,
            Function<T, String> currency) {
        Comparator<T> byGroup = groupBy == AnalyticsGrouping.DAY
                ? Comparator.comparing(key)
                : Comparator.comparing((T row) -> label.apply(row).toLowerCase(Locale.ROOT))
                        .thenComparing(key);
        return byGroup.thenComparing(currency);
    }

    /** One decimal, half up; none without capacity. */
    private static Double percent(long sold, long capacity) {
        if (capacity == 0) {
            return null;
        }
        return BigDecimal.valueOf(sold * 100)
                .divide(BigDecimal.valueOf(capacity), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String key(Object value) {
        return String.valueOf(value);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String name(AnalyticsGrouping groupBy) {
        return groupBy.name().toLowerCase(Locale.ROOT);
    }
}
