package dev.cinema.contracts.booking;

import dev.cinema.contracts.listing.Paging;

/** Lists one customer's bookings, newest first. */
public record FindCustomerBookingsQuery(String customerId, Paging paging) {}
