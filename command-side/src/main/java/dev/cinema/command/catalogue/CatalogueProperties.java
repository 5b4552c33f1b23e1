package dev.cinema.command.catalogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalogue's rules.
 *
 * @param cleaningGap the time a screen needs between two screenings
 */
@ConfigurationProperties("cinema.catalogue")
public record CatalogueProperties(@DefaultValue("PT20M") Duration cleaningGap) {}
