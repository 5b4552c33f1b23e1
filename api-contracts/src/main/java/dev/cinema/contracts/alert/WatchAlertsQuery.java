package dev.cinema.contracts.alert;

/**
 * A customer's inbox, live (a subscription query): the initial result is the unread count, each
 * update a new alert or a change of the unread count.
 */
public record WatchAlertsQuery(String customerId) {}
