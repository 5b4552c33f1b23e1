package dev.cinema.command.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRequestRecords extends JpaRepository<PaymentRequestRecord, String> {

    Optional<PaymentRequestRecord> findByCustomerIdAndIdempotencyKey(String customerId, String idempotencyKey);
}
