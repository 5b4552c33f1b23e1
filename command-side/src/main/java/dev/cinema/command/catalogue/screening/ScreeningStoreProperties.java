package dev.cinema.command.catalogue.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How screenings, the hot aggregates, are loaded.
 *
 * @param cache        keep screenings in memory between commands (off only to measure the difference)
 * @param snapshotEvery take a snapshot of a screening every this many events
 * @param singleWriter  command-side processes sharing a PostgreSQL database take turns writing a
 *                      screening, each on a copy checked against the store (off only to measure
 *                      the difference)
 */
@ConfigurationProperties("cinema.screenings")
record ScreeningStoreProperties(
        @DefaultValue("true") boolean cache,
        @DefaultValue("100") int snapshotEvery,
        @DefaultValue("true") boolean singleWriter) {}
