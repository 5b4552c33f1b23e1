package dev.cinema.contracts.booking;

/** Finds one booking of a customer; answers null when the customer has no such booking. */
public record FindCustomerBookingQuery(String customerId, String bookingId) {}
