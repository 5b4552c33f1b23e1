package dev.cinema.command.account;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.cinema.command.config.SigningKeys;
import dev.cinema.contracts.account.Role;
import dev.cinema.platform.security.CinemaJwt;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.security.TokenVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs access tokens (RS256) for logged-in accounts. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final JwtProperties properties;
    private final Clock clock;
    private final AccountCredentialRepository credentials;
    private final TokenVersions versions;

    TokenIssuer(
            SigningKeys keys,
            JwtProperties properties,
            Clock clock,
            AccountCredentialRepository credentials,
            TokenVersions versions) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.credentials = credentials;
        this.versions = versions;
    }

    /**
     * A token for the account as it is now: its e-mail, roles and token version. The version is read
     * first and the roles after it, each as committed: a change that commits between the two
     * reads gives a token with the new roles and the old version, which the change has already
     * revoked (the caller logs in again); the other order could give a token with the old roles
     * that no version revokes.
     */
    IssuedToken issueFor(String accountId) {
        long version = versions.read(accountId);
        AccountCredential credential = credentials
                .findById(accountId)
                .orElseThrow(() -> new IllegalStateException("No credential for account " + accountId));
        return issue(accountId, credential.email(), credential.roles(), version);
    }

    private IssuedToken issue(String accountId, String email, Set<Role> roles, long version) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(accountId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(CinemaJwt.EMAIL_CLAIM, email)
                .claim(CinemaJwt.VERSION_CLAIM, version)
                .claim(
                        CinemaJwt.ROLES_CLAIM,
                        roles.stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.signingKey().getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(
                token,
                "Bearer",
                properties.accessTokenTtl().toSeconds(),
                expiresAt,
                accountId,
                roles.stream().map(Role::name).sorted().toList());
    }

    /** What a successful login answers. */
    record IssuedToken(
            String accessToken,
            String tokenType,
            long expiresIn,
            Instant expiresAt,
            String accountId,
            java.util.List<String> roles) {}
}
