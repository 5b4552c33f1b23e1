package dev.cinema.contracts.payment;

import dev.cinema.contracts.listing.Paging;

/** A booking's payment history; {@code customerId} limits it to that customer's booking (null for auditors). */
public record FindBookingPaymentsQuery(String bookingId, String customerId, Paging paging) {}
