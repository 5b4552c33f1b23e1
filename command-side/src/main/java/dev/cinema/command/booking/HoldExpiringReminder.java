package dev.cinema.command.booking;

/**
 * The payload of a hold-expiring deadline (the reminder before a hold runs out). Its class name is
 * stored with every pending deadline: renaming or moving it would break the deadlines already
 * scheduled.
 */
public record HoldExpiringReminder(String bookingId) {}
