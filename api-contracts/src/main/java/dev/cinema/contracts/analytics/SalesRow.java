package dev.cinema.contracts.analytics;

import dev.cinema.contracts.common.Money;

/**
 * One group's confirmed sales in one currency: bookings paid, their seats, and what they were paid
 * (gross: seats returned later are the refunds report's, not subtracted here).
 */
public record SalesRow(String key, String label, long bookings, long seats, Money gross) {}
