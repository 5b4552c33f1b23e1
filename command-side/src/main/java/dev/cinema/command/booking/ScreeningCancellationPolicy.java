package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SettleBookingOfCancelledScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import java.util.EnumSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When staff cancel a screening, every open booking on it is settled: holds are released and paid
 * bookings refunded in full. A tracking processor with a persistent token: if the process stops
 * half way, the event is handled again after the restart, and each settlement is idempotent
 * (a settled booking is left alone, and refund ids and provider keys are derived from the
 * booking), so every customer is refunded exactly once.
 */
@Component
@ProcessingGroup("command-screening-cancellation")
class ScreeningCancellationPolicy {

    private final BookingIndex index;
    private final CommandGateway commands;

    ScreeningCancellationPolicy(BookingIndex index, CommandGateway commands) {
        this.index = index;
        this.commands = commands;
    }

    @EventHandler
    void on(ScreeningCancelledEvent event) {
        for (BookingIndexEntry booking : index.findByScreeningIdAndStatusIn(
                event.screeningId().value(), EnumSet.of(BookingStatus.AWAITING_PAYMENT, BookingStatus.CONFIRMED))) {
            commands.sendAndWait(new SettleBookingOfCancelledScreeningCommand(BookingId.of(booking.bookingId())));
        }
    }
}
