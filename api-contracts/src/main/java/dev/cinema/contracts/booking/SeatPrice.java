package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.util.List;

/** One seat of a hold with the price it was quoted at: later price changes do not touch it. */
public record SeatPrice(String seat, SeatType type, Money price) {

    /** What these seats cost together; there is at least one. */
    public static Money total(List<SeatPrice> seats) {
        return seats.stream()
                .map(SeatPrice::price)
                .reduce(Money::plus)
                .orElseThrow(() -> new IllegalArgumentException("No seats to add up"));
    }
}
