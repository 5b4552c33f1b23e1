package dev.cinema.contracts.booking;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/** A page of bookings. */
public record BookingPage(List<BookingView> items, PageInfo page) {}
