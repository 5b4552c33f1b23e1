package dev.cinema.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The policy's booking index learns of a processor batch's new bookings with one lookup. */
class AlertBookingIndexUpdaterTest {

    private static final Money PRICE = Money.of(900, "EUR");

    private final AlertBookingIndex index = mock(AlertBookingIndex.class);
    private final AnnotationEventHandlerAdapter updater =
            new AnnotationEventHandlerAdapter(new AlertBookingIndexUpdater(index));

    @Test
    @SuppressWarnings("unchecked")
    void aBatchsPlacementsAreLookedUpOnceAndOnlyTheUnknownOnesIndexed() throws Exception {
        List<EventMessage<?>> batch = List.of(placed("b-1"), placed("b-2"), placed("b-3"));
        // b-2 was indexed by an earlier delivery of the same event.
        when(index.findAllById(anyIterable()))
                .thenReturn(List.of(new AlertBookingEntry("b-2", "c", "s", List.of("A1"), 0)));

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            updater.handle(unitOfWork.getMessage());
            return null;
        });

        ArgumentCaptor<Iterable<String>> asked = ArgumentCaptor.forClass(Iterable.class);
        verify(index, times(1)).findAllById(asked.capture());
        assertThat(asked.getValue()).containsExactly("b-1", "b-2", "b-3");
        verify(index, never()).findById(any());
        ArgumentCaptor<AlertBookingEntry> saved = ArgumentCaptor.forClass(AlertBookingEntry.class);
        verify(index, times(2)).save(saved.capture());
        assertThat(saved.getAllValues())
                .extracting(AlertBookingEntry::bookingId)
                .containsExactly("b-1", "b-3");
    }

    private static EventMessage<?> placed(String booking) {
        return new GenericDomainEventMessage<>(
                "Booking",
                booking,
                0,
                new BookingPlacedEvent(
                        BookingId.of(booking),
                        ScreeningId.of("s"),
                        AccountId.of("c"),
                        List.of(new SeatPrice("A1", SeatType.STANDARD, PRICE)),
                        PRICE,
                        Instant.parse("2030-03-01T12:00:00Z")));
    }
}
