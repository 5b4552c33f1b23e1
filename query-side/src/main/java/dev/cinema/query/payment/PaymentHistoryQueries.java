package dev.cinema.query.payment;

import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.payment.FindBookingPaymentsQuery;
import dev.cinema.contracts.payment.FindCustomerPaymentsQuery;
import dev.cinema.contracts.payment.PaymentHistoryPage;
import dev.cinema.contracts.payment.PaymentTotals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers payment history questions: a customer's, a booking's (limited to one customer when the
 * question comes from a customer) or, for auditors only, everyone's. Totals are summed by the
 * database over every entry the question matches, not only the page shown.
 */
@Component
@Transactional(readOnly = true)
class PaymentHistoryQueries {

    private static final String ENTRY = "from PaymentHistoryRow e";
    private static final String PAYMENT = "dev.cinema.query.payment.EntryKind.PAYMENT";
    private static final String REFUND = "dev.cinema.query.payment.EntryKind.REFUND";
    private static final String CAPTURED = "dev.cinema.contracts.payment.PaymentStatus.CAPTURED";
    private static final String PAID =
            "case when e.key.kind = " + PAYMENT + " and e.status = " + CAPTURED + " then e.amountMinor else 0L end";
    private static final String REFUNDED = "case when e.key.kind = " + REFUND + " then e.amountMinor else 0L end";
    /** Paid less refunded, row by row, so that all three totals come from the one aggregate query. */
    private static final String NET = "case when e.key.kind = " + PAYMENT + " and e.status = " + CAPTURED
            + " then e.amountMinor when e.key.kind = " + REFUND + " then -e.amountMinor else 0L end";

    private final EntityManager entityManager;

    PaymentHistoryQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A customer's history; a null customer (only ever sent by the audit API) means everyone's. */
    @QueryHandler
    PaymentHistoryPage handle(FindCustomerPaymentsQuery query) {
        return page(query.customerId(), null, query.paging());
    }

    /** A booking's history, limited to that customer's entries when {@code customerId} is set. */
    @QueryHandler
    PaymentHistoryPage handle(FindBookingPaymentsQuery query) {
        return page(query.customerId(), Objects.requireNonNull(query.bookingId(), "bookingId"), query.paging());
    }

    /** Newest first unless the paging asks for oldest first; payment id and kind break ties. */
    private PaymentHistoryPage page(String customerId, String bookingId, Paging paging) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (customerId != null) {
            where.append(" and e.customerId = :customerId");
            parameters.put("customerId", customerId);
        }
        if (bookingId != null) {
            where.append(" and e.bookingId = :bookingId");
            parameters.put("bookingId", bookingId);
        }
        String direction = paging.direction() == Paging.Direction.ASC ? " asc" : " desc";

        long total = bind(entityManager.createQuery("select count(e) " + ENTRY + where, Long.class), parameters)
                .getSingleResult();
        List<PaymentHistoryRow> rows = bind(
                        entityManager.createQuery(
                                "select e " + ENTRY + where + " order by e.at" + direction + ", e.key.paymentId"
                                        + direction + ", e.key.kind" + direction + ", e.key.entryId" + direction,
                                PaymentHistoryRow.class),
                        parameters)
                .setFirstResult(paging.page() * paging.size())
                .setMaxResults(paging.size())
                .getResultList();
        List<PaymentTotals> totals = bind(
                        entityManager.createQuery(
                                "select e.currency, sum(" + PAID + "), sum(" + REFUNDED + "), sum(" + NET + ") " + ENTRY
                                        + where + " group by e.currency order by e.currency",
                                Object[].class),
                        parameters)
                .getResultList()
                .stream()
                .map(PaymentHistoryQueries::totals)
                .toList();
        int totalPages = (int) ((total + paging.size() - 1) / paging.size());
        return new PaymentHistoryPage(
                rows.stream().map(PaymentHistoryRow::view).toList(),
                new PageInfo(paging.page(), paging.size(), total, totalPages),
                totals);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private static PaymentTotals totals(Object[] row) {
        String currency = (String) row[0];
        return new PaymentTotals(money(row[1], currency), money(row[2], currency), money(row[3], currency));
    }

    private static Money money(Object sum, String currency) {
        return Money.of(sum == null ? 0 : ((Number) sum).longValue(), currency);
    }
}
