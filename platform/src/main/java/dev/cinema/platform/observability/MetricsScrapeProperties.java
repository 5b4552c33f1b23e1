package dev.cinema.platform.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A credential for Prometheus alone: a bearer token that opens {@code /actuator/prometheus} and
 * nothing else. Prometheus cannot log in and renew an hour-long JWT, so without it a scraper
 * would need an ANALYST's token refreshed from outside. Unset (the default), only an ANALYST's or
 * ADMIN's JWT opens the endpoint. At least 32 characters; compared in constant time, by digest.
 *
 * @param scrapeToken the token Prometheus sends ({@code authorization.credentials_file}); null: none
 */
@ConfigurationProperties("cinema.metrics")
public record MetricsScrapeProperties(String scrapeToken) {

    public MetricsScrapeProperties {
        if (scrapeToken != null && scrapeToken.isBlank()) {
            scrapeToken = null;
        }
        if (scrapeToken != null && scrapeToken.length() < 32) {
            throw new IllegalArgumentException("cinema.metrics.scrape-token must have at least 32 characters");
        }
    }

    public boolean matches(String presented) {
        return scrapeToken != null
                && presented != null
                && MessageDigest.isEqual(digest(scrapeToken), digest(presented));
    }

    @Override
    public String toString() {
        return "MetricsScrapeProperties[scrapeToken=" + (scrapeToken == null ? "none" : "(set)") + "]";
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
