package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import java.util.List;

/** A refund was requested; the policy set {@code amount} as {@code percent} of the seats' {@code share} of the payment. */
public record RefundRequestedEvent(
        RefundId refundId,
        BookingId bookingId,
        PaymentId paymentId,
        AccountId customerId,
        List<String> seats,
        Money share,
        int percent,
        Money amount)
        implements RefundEvent {}
