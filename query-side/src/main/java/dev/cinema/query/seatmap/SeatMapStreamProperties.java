package dev.cinema.query.seatmap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live seat-map streams (Server-Sent Events).
 *
 * @param streamTimeout how long one stream stays open; clients reconnect after it
 * @param keepAlive     how often a quiet stream sends a comment, so that proxies keep it and a
 *                      client that left is noticed
 */
@ConfigurationProperties("cinema.query.seat-map")
record SeatMapStreamProperties(
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT20S") Duration keepAlive) {}
