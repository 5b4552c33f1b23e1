package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;

/** One seat of a hold with the price it was quoted at: later price changes do not touch it. */
public record SeatPrice(String seat, SeatType type, Money price) {}
