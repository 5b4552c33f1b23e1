package dev.cinema.contracts.alert;

import java.time.Instant;

/**
 * One alert as its customer reads it: the text, written in the cinema's time zone, what it refers
 * to (null where it does not), when it happened and whether it was read.
 */
public record AlertView(
        String alertId,
        AlertType type,
        String text,
        Instant occurredAt,
        boolean read,
        String bookingId,
        String screeningId,
        String filmId,
        String paymentId,
        String refundId) {}
