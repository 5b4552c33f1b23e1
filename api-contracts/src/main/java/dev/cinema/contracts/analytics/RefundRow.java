package dev.cinema.contracts.analytics;

import dev.cinema.contracts.common.Money;

/**
 * One group's refunds in one currency: completed ones, the seats they returned and the money they
 * gave back; and how many are still pending (requested or approved), failed (waiting to be tried
 * again) or rejected (the policy gave nothing back).
 */
public record RefundRow(
        String key,
        String label,
        long completed,
        long seatsReturned,
        Money refunded,
        long pending,
        long failed,
        long rejected) {}
