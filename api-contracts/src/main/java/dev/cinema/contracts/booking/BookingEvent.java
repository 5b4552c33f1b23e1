package dev.cinema.contracts.booking;

/**
 * Every event the Booking aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows bookings what it does with it.
 * The seat events of this package ({@code SeatsHeldEvent} and its kin) are not among them: the
 * Screening applies those (see {@link dev.cinema.contracts.catalogue.screening.ScreeningEvent}).
 */
public sealed interface BookingEvent
        permits BookingPlacedEvent,
                BookingSeatsChangedEvent,
                BookingConfirmedEvent,
                BookingSeatsReturnedEvent,
                BookingRefundedEvent,
                BookingCancelledEvent,
                BookingHoldExpiringEvent,
                BookingExpiredEvent {

    BookingId bookingId();
}
