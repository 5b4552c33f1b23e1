package dev.cinema.query.payment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payment history entries; written only by {@link PaymentHistoryProjection}, read by {@link PaymentHistoryQueries}. */
interface PaymentHistoryRows extends JpaRepository<PaymentHistoryRow, PaymentHistoryKey> {

    /** Every entry of one payment. */
    List<PaymentHistoryRow> findByKeyPaymentId(String paymentId);

    /** Every entry of these payments. */
    List<PaymentHistoryRow> findByKeyPaymentIdIn(Collection<String> paymentIds);
}
