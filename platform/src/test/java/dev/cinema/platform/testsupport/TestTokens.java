package dev.cinema.platform.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cinema.platform.security.RsaKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints tokens for tests: valid ones signed with the test key, and every kind a verifier must
 * refuse (expired, tampered, signed with another key, HS256 with the public key as secret,
 * unsigned, from another issuer).
 */
public final class TestTokens {

    public static final String ISSUER = "cinema-ticketing";
    private static final KeyPair KEYS = RsaKeys.generate();
    private static final KeyPair OTHER_KEYS = RsaKeys.generate();

    private TestTokens() {}

    public static String publicKeyPem() {
        return RsaKeys.toPem((RSAPublicKey) KEYS.getPublic());
    }

    public static String privateKeyPem() {
        return RsaKeys.toPem((RSAPrivateKey) KEYS.getPrivate());
    }

    /**
     * The secret the events' hash chain is keyed with in tests: the same for every context of a
     * test JVM, as both apps of one system must share it.
     */
    public static final String AUDIT_CHAIN_KEY = "dGVzdC1vbmx5LWF1ZGl0LWNoYWluLWtleS0zMi1ieXRlcyE=";

    /**
     * Properties that make an app sign and/or verify with the test key pair, and key the audit
     * chain with the test secret.
     */
    public static Map<String, Object> keyProperties() {
        return Map.of(
                "cinema.security.jwt.public-key",
                publicKeyPem(),
                "cinema.security.jwt.private-key",
                privateKeyPem(),
                "cinema.audit.chain.key",
                AUDIT_CHAIN_KEY);
    }

    public static String valid(String accountId, String... roles) {
        return rs256(KEYS, claims(accountId, ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    public static String customer() {
        return valid(UUID.randomUUID().toString(), "CUSTOMER");
    }

    public static String expired(String... roles) {
        return rs256(
                KEYS, claims(UUID.randomUUID().toString(), ISSUER, Instant.now().minus(Duration.ofHours(2)), roles));
    }

    public static String otherIssuer(String... roles) {
        return rs256(
                KEYS,
                claims(
                        UUID.randomUUID().toString(),
                        "someone-else",
                        Instant.now().plus(Duration.ofMinutes(10)),
                        roles));
    }

    /** Signed correctly but without an expiry: it would be valid forever. */
    public static String withoutExpiry(String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(
                        UUID.randomUUID().toString(), ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles))
                .expirationTime(null)
                .build();
        return rs256(KEYS, claims);
    }

    public static String signedByAnotherKey(String... roles) {
        return rs256(
                OTHER_KEYS,
                claims(UUID.randomUUID().toString(), ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    /** A valid token whose payload was edited afterwards to claim ADMIN: the signature no longer matches. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"CUSTOMER\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];
    }

    /** The classic algorithm-confusion attack: HS256 keyed with the (public) RSA key bytes. */
    public static String hs256WithPublicKey(String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256),
                    claims(UUID.randomUUID().toString(), ISSUER, Instant.now().plus(Duration.ofMinutes(10)), roles));
            byte[] secret = publicKeyPem().getBytes();
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"alg":"none"} with no signature. */
    public static String unsigned(String... roles) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(
                                UUID.randomUUID().toString(),
                                ISSUER,
                                Instant.now().plus(Duration.ofMinutes(10)),
                                roles)
                        .toString()
                        .getBytes());
        return header + "." + payload + ".";
    }

    private static JWTClaimsSet claims(String subject, String issuer, Instant expiresAt, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiresAt))
                .claim("email", subject + "@test.example")
                .claim("roles", List.of(roles))
                .build();
    }

    private static String rs256(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
