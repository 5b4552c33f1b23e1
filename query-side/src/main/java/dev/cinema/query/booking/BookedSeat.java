package dev.cinema.query.booking;

import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One seat of a booking at the price it was quoted. */
@Embeddable
class BookedSeat {

    @Column(name = "seat_label", nullable = false, length = 32)
    String seat;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "seat_type", nullable = false, length = 16)
    SeatType type;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(name = "currency", nullable = false, length = 8)
    String currency;

    protected BookedSeat() {}

    static BookedSeat of(SeatPrice seat) {
        BookedSeat booked = new BookedSeat();
        booked.seat = seat.seat();
        booked.type = seat.type();
        booked.amountMinor = seat.price().amountMinor();
        booked.currency = seat.price().currency();
        return booked;
    }

    SeatPrice view() {
        return new SeatPrice(seat, type, Money.of(amountMinor, currency));
    }
}
