package dev.cinema.command.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seat holds.
 *
 * @param holdDuration       how long seats stay held for a booking awaiting payment
 * @param holdExpiringNotice how long before a hold runs out its customer is reminded (a
 *                           HOLD_EXPIRING alert); a hold no longer than this gets no reminder
 */
@ConfigurationProperties("cinema.booking")
record BookingProperties(
        @DefaultValue("PT10M") Duration holdDuration,
        @DefaultValue("PT2M") Duration holdExpiringNotice) {}
