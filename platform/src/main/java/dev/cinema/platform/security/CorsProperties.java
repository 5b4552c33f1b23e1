package dev.cinema.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which web pages, served from other origins, may call the API from a browser (both apps). None by
 * default, in development too: the project has no browser frontend of its own, and an origin
 * allowed by mistake lets any page there spend a visitor's token. Each environment names its
 * frontends' origins. Tokens travel in the {@code Authorization} header, never in cookies, so
 * credentials are never allowed.
 *
 * @param allowedOrigins exact origins ({@code https://tickets.example.org}); empty: no cross-origin access
 * @param allowedMethods methods a cross-origin page may use
 * @param allowedHeaders request headers it may send
 * @param exposedHeaders response headers its scripts may read
 * @param maxAge how long a browser may cache the answer to a preflight
 */
@ConfigurationProperties("cinema.security.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue({"GET", "POST", "PUT", "DELETE"}) List<String> allowedMethods,

        @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Last-Event-ID"})
        List<String> allowedHeaders,

        @DefaultValue({"Location", "ETag", "Retry-After"}) List<String> exposedHeaders,
        @DefaultValue("PT1H") Duration maxAge) {

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /** The policy for every path; only meaningful when {@link #enabled()}. */
    public CorsConfigurationSource source() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(allowedMethods);
        cors.setAllowedHeaders(allowedHeaders);
        cors.setExposedHeaders(exposedHeaders);
        cors.setAllowCredentials(false);
        cors.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
