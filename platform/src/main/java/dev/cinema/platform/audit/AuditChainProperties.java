package dev.cinema.platform.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hash chain over the events of the streams auditors must be able to prove (both apps: the
 * command side writes the links, the query side verifies them and signs checkpoints).
 *
 * @param key            the secret the links and checkpoints are keyed with, Base64 of at least 32
 *                       bytes ({@code CINEMA_AUDIT_CHAIN_KEY}); never stored in the database. Both
 *                       apps need the same one
 * @param generateDevKey whether a throw-away key may be generated when none is configured
 *                       (development on H2 only: the chain then cannot be verified by another run;
 *                       the postgres profile refuses to start without a key)
 * @param aggregates     the aggregate types whose streams are chained. Screenings are not: they are
 *                       the hot path, and hold no money
 */
@ConfigurationProperties("cinema.audit.chain")
public record AuditChainProperties(
        String key,
        boolean generateDevKey,
        @DefaultValue({"Booking", "Payment", "Refund"}) List<String> aggregates) {

    public AuditChainProperties {
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
    }

    public boolean hasKey() {
        return key != null && !key.isBlank();
    }
}
