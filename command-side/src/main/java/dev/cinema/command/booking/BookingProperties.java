package dev.cinema.command.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seat holds.
 *
 * @param holdDuration how long seats stay held for a booking awaiting payment
 */
@ConfigurationProperties("cinema.booking")
record BookingProperties(@DefaultValue("PT10M") Duration holdDuration) {}
