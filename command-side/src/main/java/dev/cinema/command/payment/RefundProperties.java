package dev.cinema.command.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The refund policy and how refunds the provider could not make are retried.
 *
 * @param fullUntil      the whole price back when returned at least this long before the screening
 * @param partialUntil   {@code partialPercent} back when returned at least this long before it
 * @param partialPercent the share given back between the two
 * @param firstRetry     the wait before a failed refund is tried again; it doubles, up to an hour
 */
@ConfigurationProperties("cinema.refunds")
record RefundProperties(
        @DefaultValue("PT24H") Duration fullUntil,
        @DefaultValue("PT1H") Duration partialUntil,
        @DefaultValue("50") int partialPercent,
        @DefaultValue("PT1M") Duration firstRetry) {}
