package dev.cinema.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingStateTest {

    final BookingId booking = BookingId.random();
    final ScreeningId screening = ScreeningId.random();
    final Instant placedAt = Instant.parse("2026-03-01T10:00:00Z");
    final SeatPrice a1 = seat("A1", 1100);
    final SeatPrice a2 = seat("A2", 1100);
    final SeatPrice b1 = seat("B1", 1500);

    @Test
    void aBookingIsPlacedChangedPaidAndGivenBackSeatBySeat() {
        BookingState state = placed(List.of(a1, a2));
        assertThat(state.status()).isEqualTo(BookingStatus.AWAITING_PAYMENT);
        assertThat(state.expiresAt()).isNotNull();
        assertThat(state.worth()).as("a hold keeps no money").isEqualTo(Money.of(0, "EUR"));

        state = state.on(new BookingSeatsChangedEvent(booking, List.of(a1, b1), Money.of(2600, "EUR")));
        state = state.on(new BookingConfirmedEvent(booking, screening, PaymentId.random(), Money.of(2600, "EUR")));
        assertThat(state.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(state.expiresAt()).isNull();
        assertThat(state.worth()).isEqualTo(Money.of(2600, "EUR"));

        state = state.on(new BookingSeatsReturnedEvent(booking, screening, List.of("B1"), List.of(a1)));
        assertThat(state.seats()).containsExactly(a1);
        assertThat(state.returnedSeats()).as("at the price it was bought at").containsExactly(b1);
        assertThat(state.total()).as("what was paid").isEqualTo(Money.of(2600, "EUR"));
        assertThat(state.worth()).isEqualTo(Money.of(1100, "EUR"));

        state = state.on(new BookingSeatsReturnedEvent(booking, screening, List.of("A1"), List.of()))
                .on(new BookingRefundedEvent(booking, screening));
        assertThat(state.status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(state.returnedSeats()).containsExactly(b1, a1);
        assertThat(state.worth()).isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void aHoldEndsCancelledOrExpired() {
        assertThat(placed(List.of(a1))
                        .on(new BookingCancelledEvent(booking, screening))
                        .status())
                .isEqualTo(BookingStatus.CANCELLED);
        assertThat(placed(List.of(a1))
                        .on(new BookingExpiredEvent(booking, screening))
                        .status())
                .isEqualTo(BookingStatus.EXPIRED);
    }

    private BookingState placed(List<SeatPrice> seats) {
        return BookingState.placed(
                new BookingPlacedEvent(
                        booking,
                        screening,
                        AccountId.random(),
                        seats,
                        SeatPrice.total(seats),
                        placedAt.plusSeconds(600)),
                placedAt);
    }

    private static SeatPrice seat(String label, long minor) {
        return new SeatPrice(label, SeatType.STANDARD, Money.of(minor, "EUR"));
    }
}
