package dev.cinema.command.booking;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.ReleaseSeatsCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

class HoldExpiryPolicyTest {

    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final HoldExpiryPolicy policy = new HoldExpiryPolicy(commands);

    @Test
    void anExpiredBookingReleasesAllItsSeatsOnItsScreening() {
        policy.on(new BookingExpiredEvent(BOOKING, SCREENING));

        // No seat list: the screening frees whatever the booking still holds there.
        verify(commands).sendAndWait(new ReleaseSeatsCommand(SCREENING, BOOKING, null, ReleaseReason.EXPIRED));
        verifyNoMoreInteractions(commands);
    }

    @Test
    void aReleaseThatFailsFailsTheExpiryToo() {
        // Not swallowed: the expiry's unit of work rolls back and the deadline is tried again.
        CommandExecutionException failure = new CommandExecutionException("screening unavailable", null);
        when(commands.sendAndWait(any())).thenThrow(failure);

        assertThatThrownBy(() -> policy.on(new BookingExpiredEvent(BOOKING, SCREENING)))
                .isSameAs(failure);
    }
}
