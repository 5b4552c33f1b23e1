package dev.cinema.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.platform.testsupport.TestTokens;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final JwtDecoder real =
            CinemaJwt.decoder(RsaKeys.publicKey(TestTokens.publicKeyPem()), TestTokens.ISSUER, TokenVersionCheck.NONE);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return real.decode(token);
    };
    private final AtomicBoolean refuseClaims = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> claims = jwt -> refuseClaims.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
            : OAuth2TokenValidatorResult.success();
    private final VerifiedTokens tokens = new VerifiedTokens(counting, claims);

    @Test
    void aTokenSentAgainIsVerifiedOnceAndAnswersTheSameClaims() {
        String token = TestTokens.valid("4f9a1c1e-0000-4000-8000-000000000001", "CUSTOMER");

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo(first.getSubject()).isEqualTo("4f9a1c1e-0000-4000-8000-000000000001");
        assertThat(second.getClaimAsStringList(CinemaJwt.ROLES_CLAIM)).containsExactly("CUSTOMER");
    }

    @Test
    void theClaimsOfAKnownTokenAreCheckedOnEveryUse() {
        String token = TestTokens.valid("4f9a1c1e-0000-4000-8000-000000000002", "CUSTOMER");
        tokens.decode(token);

        refuseClaims.set(true);

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        // Forgotten: once the claims pass again it is verified afresh, signature included.
        refuseClaims.set(false);
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void onlyTheVeryBytesThatWereVerifiedAreTrusted() {
        String token = TestTokens.valid("4f9a1c1e-0000-4000-8000-000000000003", "CUSTOMER");
        tokens.decode(token);

        assertThatThrownBy(() -> tokens.decode(TestTokens.tampered(token))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(TestTokens.signedByAnotherKey("ADMIN")))
                .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void theDecoderTheAppsUseRefusesWhatItRefusedBefore() {
        for (String bad : new String[] {
            TestTokens.expired("CUSTOMER"),
            TestTokens.otherIssuer("CUSTOMER"),
            TestTokens.withoutExpiry("CUSTOMER"),
            TestTokens.hs256WithPublicKey("ADMIN")
        }) {
            assertThatThrownBy(() -> real.decode(bad)).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> real.decode(bad)).as("asked twice").isInstanceOf(BadJwtException.class);
        }
    }
}
