package dev.cinema.contracts.alert;

/** A customer's alerts, newest first; only the unread ones when {@code unreadOnly}. */
public record FindAlertsQuery(String customerId, boolean unreadOnly, int page, int size) {}
