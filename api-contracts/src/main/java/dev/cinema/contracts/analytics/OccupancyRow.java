package dev.cinema.contracts.analytics;

/**
 * One group's occupancy: the screenings that take place (cancelled ones are counted apart and left
 * out of the seats), the seats sold now (after returns and refunds) against their capacity, and
 * the percentage (one decimal; null without capacity, when every screening was cancelled).
 */
public record OccupancyRow(
        String key,
        String label,
        long screenings,
        long cancelledScreenings,
        long seatsSold,
        long capacity,
        Double occupancyPercent) {}
