package dev.cinema.query.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live inboxes (Server-Sent Events).
 *
 * @param streamTimeout how long one stream stays open; clients reconnect after it
 * @param keepAlive     how often a quiet stream sends a comment, so that proxies keep it and a
 *                      client that left is noticed
 */
@ConfigurationProperties("cinema.query.alerts")
record AlertStreamProperties(
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT20S") Duration keepAlive) {}
