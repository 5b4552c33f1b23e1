package dev.cinema.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and how soon a command that lost a write race to another writer of the same aggregate
 * is tried again ({@link ConflictRetryScheduler}).
 *
 * @param maxAttempts  attempts in all, the first included; after the last the caller is told to retry (503)
 * @param firstBackoff the wait before the second attempt; each later wait doubles, up to {@code maxBackoff}
 * @param maxBackoff   the longest wait between two attempts
 * @param threads      threads that run the retries (a retry runs the whole command again)
 */
@ConfigurationProperties("cinema.commands.conflict-retry")
record ConflictRetryProperties(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT0.005S") Duration firstBackoff,
        @DefaultValue("PT0.2S") Duration maxBackoff,
        @DefaultValue("4") int threads) {}
