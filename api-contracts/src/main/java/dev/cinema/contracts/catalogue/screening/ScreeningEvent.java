package dev.cinema.contracts.catalogue.screening;

/**
 * Every event the Screening aggregate applies: its catalogue events in this package, and the seat
 * inventory's {@code SeatsHeldEvent}, {@code SeatsSoldEvent} and {@code SeatsReleasedEvent} in
 * {@code dev.cinema.contracts.booking}.
 *
 * <p>Not sealed, unlike the other aggregates' markers: outside a named module Java allows a sealed
 * type to permit only classes of its own package, and the seat events cannot move here, because
 * an event's class name is stored with every event and moving them would orphan the stored ones
 * (or need an upcaster for each). The contracts test finds this marker's events by scanning the
 * contracts instead, and checks that every event implements exactly one marker.
 */
public interface ScreeningEvent {

    ScreeningId screeningId();
}
