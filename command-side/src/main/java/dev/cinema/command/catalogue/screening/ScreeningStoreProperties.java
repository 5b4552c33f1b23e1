package dev.cinema.command.catalogue.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How screenings, the hot aggregates, are loaded.
 *
 * @param cache        keep screenings in memory between commands (off only to measure the difference)
 * @param snapshotEvery take a snapshot of a screening every this many events
 */
@ConfigurationProperties("cinema.screenings")
record ScreeningStoreProperties(
        @DefaultValue("true") boolean cache,
        @DefaultValue("100") int snapshotEvery) {}
