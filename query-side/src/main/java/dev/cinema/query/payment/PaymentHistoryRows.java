package dev.cinema.query.payment;

import org.springframework.data.jpa.repository.JpaRepository;

/** Payment history entries; written only by {@link PaymentHistoryProjection}, read by {@link PaymentHistoryQueries}. */
interface PaymentHistoryRows extends JpaRepository<PaymentHistoryRow, PaymentHistoryKey> {}
