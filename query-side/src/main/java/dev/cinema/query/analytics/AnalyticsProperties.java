package dev.cinema.query.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analysts' reports.
 *
 * @param defaultPeriod the period a report covers when it names none (30 days up to now; with only
 *                      one end given, 30 days from or up to it)
 * @param maxPeriod     the longest period a report may cover (366 days, so that any calendar year
 *                      fits); longer is a 400
 */
@ConfigurationProperties("cinema.analytics")
record AnalyticsProperties(
        @DefaultValue("P30D") Duration defaultPeriod,
        @DefaultValue("P366D") Duration maxPeriod) {}
