package dev.cinema.contracts.common;

import java.util.Objects;

/**
 * An amount in integer minor units (cents, pence) of an ISO 4217 currency. Never a floating point
 * number: ticket prices are added and refunded and must come out exact.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money times(int factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    /** {@code percent} % of this amount, rounded down to the minor unit (a refund never gives more). */
    public Money percent(int percent) {
        return new Money(Math.multiplyExact(amountMinor, percent) / 100, currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
