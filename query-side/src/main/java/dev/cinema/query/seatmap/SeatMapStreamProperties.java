package dev.cinema.query.seatmap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seat maps as the query side serves them: live streams (Server-Sent Events) and the maps kept
 * ready to serve.
 *
 * @param streamTimeout how long one stream stays open; clients reconnect after it
 * @param keepAlive     how often a quiet stream sends a comment, so that proxies keep it and a
 *                      client that left is noticed
 * @param cachedMaps    how many screenings' seat maps are kept built in memory, the most recently
 *                      asked for (a 1,500-seat map takes about 200 kB); 0 builds every answer
 */
@ConfigurationProperties("cinema.query.seat-map")
record SeatMapStreamProperties(
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT20S") Duration keepAlive,
        @DefaultValue("100") int cachedMaps) {}
