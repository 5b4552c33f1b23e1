package dev.cinema.command.booking;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SettleBookingOfCancelledScreeningCommand;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class ScreeningCancellationPolicyTest {

    private final BookingIndex index = mock(BookingIndex.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final ScreeningCancellationPolicy policy = new ScreeningCancellationPolicy(index, commands);
    private final ScreeningCancelledEvent cancelled =
            new ScreeningCancelledEvent(ScreeningId.of("s-1"), ScreenId.of("screen-1"), "Flood");

    @Test
    void everyOpenBookingOfTheCancelledScreeningIsSettled() {
        when(index.findByScreeningIdAndStatusIn(
                        "s-1", EnumSet.of(BookingStatus.AWAITING_PAYMENT, BookingStatus.CONFIRMED)))
                .thenReturn(List.of(
                        new BookingIndexEntry("b-1", "s-1", "c-1"), new BookingIndexEntry("b-2", "s-1", "c-2")));

        policy.on(cancelled);

        InOrder order = inOrder(commands);
        order.verify(commands).sendAndWait(new SettleBookingOfCancelledScreeningCommand(BookingId.of("b-1")));
        order.verify(commands).sendAndWait(new SettleBookingOfCancelledScreeningCommand(BookingId.of("b-2")));
    }

    @Test
    void aScreeningWithoutOpenBookingsSendsNothing() {
        when(index.findByScreeningIdAndStatusIn(any(), any())).thenReturn(List.of());

        policy.on(cancelled);

        verify(commands, never()).sendAndWait(any());
    }
}
