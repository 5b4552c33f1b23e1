package dev.cinema.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are verified (both apps) and issued (command side only).
 *
 * @param issuer        the {@code iss} claim every token carries and every verifier demands
 * @param publicKey     PEM-encoded RSA public key; the query side needs only this
 * @param privateKey    PEM-encoded RSA private key; only the command side has it. When neither key
 *                      is configured the command side generates a throw-away pair (dev only)
 * @param jwkSetUri     alternative to {@code publicKey}: where to fetch the signer's public keys
 * @param accessTokenTtl how long an issued token is valid
 * @param generateDevKey whether the command side may generate a throw-away key pair when none is
 *                      configured (development on H2 only; production refuses to start without keys)
 */
@ConfigurationProperties("cinema.security.jwt")
public record JwtProperties(
        String issuer,
        String publicKey,
        String privateKey,
        String jwkSetUri,
        Duration accessTokenTtl,
        boolean generateDevKey) {

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "cinema-ticketing" : issuer;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(1) : accessTokenTtl;
    }

    public boolean hasPublicKey() {
        return publicKey != null && !publicKey.isBlank();
    }

    public boolean hasPrivateKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    public boolean hasJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
