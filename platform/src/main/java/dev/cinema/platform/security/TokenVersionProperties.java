package dev.cinema.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a process may answer an account's token version from memory before reading it again
 * (both apps). The version is what revokes tokens after a role or password change, so this is the
 * longest a revoked token is still accepted by a process that looked it up just before the change;
 * the process that made the change forgets its copy at once.
 *
 * @param cacheFor  how long a version read is reused ({@code PT0S}: read on every request)
 * @param cacheSize accounts remembered per process; past it the memory is simply forgotten
 */
@ConfigurationProperties("cinema.security.token-versions")
public record TokenVersionProperties(
        @DefaultValue("PT1S") Duration cacheFor,
        @DefaultValue("10000") int cacheSize) {

    public TokenVersionProperties {
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("cinema.security.token-versions.cache-for must not be negative");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cinema.security.token-versions.cache-size must be positive");
        }
    }
}
