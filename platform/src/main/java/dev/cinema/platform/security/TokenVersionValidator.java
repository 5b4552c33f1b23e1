package dev.cinema.platform.security;

import java.util.Collection;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token issued before its account's latest role or password change: its {@code ver}
 * claim is lower than the account's current version. A token without the claim (issued before
 * versions existed) counts as version 0, which is revoked by the account's next change. Runs on
 * every request, also for tokens whose signature {@link VerifiedTokens} remembers.
 */
final class TokenVersionValidator implements OAuth2TokenValidator<Jwt> {

    /** Marks the refusal, so that the 401 can say the token was revoked rather than invalid. */
    static final String REVOKED_URI = "https://cinema.dev/problems/token-revoked";

    static final OAuth2Error REVOKED = new OAuth2Error(
            "invalid_token",
            "The token was revoked: the account's roles or password changed after it was issued. Log in again.",
            REVOKED_URI);

    private final TokenVersionCheck versions;

    TokenVersionValidator(TokenVersionCheck versions) {
        this.versions = versions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object claim = jwt.getClaims().get(CinemaJwt.VERSION_CLAIM);
        long tokenVersion = claim instanceof Number number ? number.longValue() : 0;
        if (tokenVersion < versions.current(jwt.getSubject())) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        return OAuth2TokenValidatorResult.success();
    }

    static boolean isRevocation(Collection<OAuth2Error> errors) {
        return errors.stream().anyMatch(error -> REVOKED_URI.equals(error.getUri()));
    }
}
