package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.ReleaseSeatsCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An expired booking frees its seats. Subscribing (see command-side.yml), so the release runs in
 * the unit of work of the expiry: the booking's EXPIRED and the seats' release commit together,
 * and if the release fails the expiry is rolled back and the deadline tried again.
 */
@Component
@ProcessingGroup("command-booking-policy")
class HoldExpiryPolicy {

    private final CommandGateway commands;

    HoldExpiryPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(BookingExpiredEvent event) {
        commands.sendAndWait(
                new ReleaseSeatsCommand(event.screeningId(), event.bookingId(), null, ReleaseReason.EXPIRED));
    }
}
