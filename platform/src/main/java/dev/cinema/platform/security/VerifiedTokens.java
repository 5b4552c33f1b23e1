package dev.cinema.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies a token's signature once, not on every request: a customer's client sends the same
 * token with every request for as long as it lives, and checking its RSA signature was 14% of a
 * command-side request thread's time under load (docs/performance.md). The key is the whole token
 * as sent, signature included, so only the very bytes that were verified are taken from here;
 * anything else (another token, the same claims re-signed or tampered with) is verified afresh.
 * The claims are validated again on every use (expiry, issuer, subject), so a token that expired
 * after it was verified is refused exactly as before.
 *
 * <p>Bounded: past {@link #CAPACITY} tokens the memory is simply forgotten (it only saves work).
 */
final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 2_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks signature and claims; {@code validator} is its claims check alone. */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return known;
    }
}
