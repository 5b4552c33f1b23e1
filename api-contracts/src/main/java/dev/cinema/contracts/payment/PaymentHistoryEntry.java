package dev.cinema.contracts.payment;

import dev.cinema.contracts.common.Money;
import java.time.Instant;

/** One payment or refund in a payment history. {@code kind} is PAYMENT or REFUND; {@code status} the payment's state after this entry (REFUNDED for a refund). */
public record PaymentHistoryEntry(
        String paymentId,
        String bookingId,
        String customerId,
        String kind,
        Money amount,
        PaymentStatus status,
        String pspReference,
        String reason,
        Instant at) {}
