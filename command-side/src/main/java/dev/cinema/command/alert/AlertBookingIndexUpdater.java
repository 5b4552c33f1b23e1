package dev.cinema.command.alert;

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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the alert policy's own index of bookings, in the policy's processing group: same
 * processor, same transactions, same position in the event store as the policy. Unlike the policy
 * it takes part in the processor's first catch-up over history (see {@link AlertConfiguration}),
 * so the policy knows every booking, also those placed before alerts existed. Delivery is at
 * least once: an event at or before the last one folded for its booking is skipped.
 */
@Component
@ProcessingGroup(AlertPolicy.GROUP)
class AlertBookingIndexUpdater {

    private static final String INDEXED = AlertBookingIndexUpdater.class.getName() + ".indexed";

    private final AlertBookingIndex index;

    AlertBookingIndexUpdater(AlertBookingIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(BookingPlacedEvent event, @SequenceNumber long sequence) {
        if (!indexed(event.bookingId().value())) {
            index.save(new AlertBookingEntry(
                    event.bookingId().value(),
                    event.customerId().value(),
                    event.screeningId().value(),
                    labels(event.seats()),
                    sequence));
        }
    }

    /**
     * Whether a booking is in the index already (it is only when its placement is delivered
     * again). Asked once per processor batch for all the bookings the batch places: one select
     * for a hundred holds rather than one each.
     */
    private boolean indexed(String bookingId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return index.findById(bookingId).isPresent();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> indexed = root.getOrComputeResource(INDEXED, key -> {
            List<String> placed = root instanceof BatchingUnitOfWork<?> batch
                    ? batch.getMessages().stream()
                            .filter(message -> message.getPayloadType().equals(BookingPlacedEvent.class))
                            .map(message -> ((BookingPlacedEvent) message.getPayload())
                                    .bookingId()
                                    .value())
                            .toList()
                    : List.of(bookingId);
            return index.findAllById(placed).stream()
                    .map(AlertBookingEntry::bookingId)
                    .collect(Collectors.toSet());
        });
        return indexed.contains(bookingId);
    }

    @EventHandler
    void on(BookingSeatsChangedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.seats(labels(event.seats()), sequence));
    }

    @EventHandler
    void on(BookingSeatsReturnedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.seats(labels(event.remaining()), sequence));
    }

    @EventHandler
    void on(BookingConfirmedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.CONFIRMED, sequence));
    }

    @EventHandler
    void on(BookingRefundedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.REFUNDED, sequence));
    }

    @EventHandler
    void on(BookingCancelledEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.CANCELLED, sequence));
    }

    @EventHandler
    void on(BookingExpiredEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.EXPIRED, sequence));
    }

    private void fold(BookingId bookingId, long sequence, Consumer<AlertBookingEntry> change) {
        index.findById(bookingId.value())
                .filter(entry -> !entry.isAfter(sequence))
                .ifPresent(change);
    }

    private static List<String> labels(List<SeatPrice> seats) {
        return seats.stream().map(SeatPrice::seat).toList();
    }
}
