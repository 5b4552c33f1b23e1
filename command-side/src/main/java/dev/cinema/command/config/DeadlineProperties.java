package dev.cinema.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Persistent deadlines (hold expiry).
 *
 * @param firstRetry the wait before a deadline whose handling failed is tried again; it doubles after that
 */
@ConfigurationProperties("cinema.deadlines")
record DeadlineProperties(@DefaultValue("PT1S") Duration firstRetry) {}
