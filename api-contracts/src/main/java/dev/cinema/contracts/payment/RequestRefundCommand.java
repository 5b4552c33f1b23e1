package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer asks for the money of a confirmed booking back: for all its seats, or only those listed. */
public record RequestRefundCommand(
        @TargetAggregateIdentifier RefundId refundId, BookingId bookingId, AccountId customerId, List<String> seats) {}
