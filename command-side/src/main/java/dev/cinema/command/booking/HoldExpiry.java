package dev.cinema.command.booking;

/**
 * The payload of a hold-expiry deadline. Its class name is stored with every pending deadline:
 * renaming or moving it would break the deadlines already scheduled.
 */
public record HoldExpiry(String bookingId) {}
