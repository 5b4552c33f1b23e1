package dev.cinema.contracts.payment;

import dev.cinema.contracts.common.Money;

/** Totals of a history in one currency: captured, refunded and what was kept. */
public record PaymentTotals(Money paid, Money refunded, Money net) {}
