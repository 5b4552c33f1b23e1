package dev.cinema.platform.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** The one definition of what a valid token is, shared by the issuer and every verifier. */
public final class CinemaJwt {

    /** Claim that lists the account's roles, e.g. {@code ["CUSTOMER","ADMIN"]}. */
    public static final String ROLES_CLAIM = "roles";

    public static final String EMAIL_CLAIM = "email";

    /**
     * The account's token version when the token was issued (a number): a role or password change
     * raises the account's version, which revokes every token issued before it ({@link TokenVersions}).
     */
    public static final String VERSION_CLAIM = "ver";

    private CinemaJwt() {}

    /**
     * Only RS256 is accepted: a token signed with HS256 (using the public key as the secret) or
     * with {@code alg: none} is rejected before its claims are read. Expired tokens, tokens from
     * another issuer and tokens without a subject or an expiry are rejected too. A token's
     * signature is verified once ({@link VerifiedTokens}); its claims on every request, and so is
     * its version against the account's current one (a revoked token is refused).
     */
    public static JwtDecoder decoder(RSAPublicKey publicKey, String issuer, TokenVersionCheck versions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = validator(issuer, versions);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    public static JwtDecoder decoder(JwtProperties properties, TokenVersionCheck versions) {
        if (properties.hasPublicKey()) {
            return decoder(RsaKeys.publicKey(properties.publicKey()), properties.issuer(), versions);
        }
        if (properties.hasJwkSetUri()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            OAuth2TokenValidator<Jwt> validator = validator(properties.issuer(), versions);
            decoder.setJwtValidator(validator);
            return new VerifiedTokens(decoder, validator);
        }
        throw new IllegalStateException(
                "Configure cinema.security.jwt.public-key or cinema.security.jwt.jwk-set-uri to verify tokens");
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, TokenVersionCheck versions) {
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                // The timestamp validator accepts a token without "exp"; a token must expire.
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        OAuth2TokenValidator<Jwt> revocation = new TokenVersionValidator(versions);
        // The version is looked up only for a token whose claims are otherwise valid: an expired or
        // foreign token costs no database read.
        return jwt -> {
            OAuth2TokenValidatorResult result = claims.validate(jwt);
            return result.hasErrors() ? result : revocation.validate(jwt);
        };
    }

    /** Turns the roles claim into {@code ROLE_*} authorities, so {@code hasRole("ADMIN")} works. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
