package dev.cinema.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void withoutAConfiguredKeyOutsideDevelopmentTheStartIsRefused() {
        JwtProperties noKeys = new JwtProperties(null, null, null, null, null, false);
        assertThatThrownBy(() -> new SigningKeys(noKeys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CINEMA_JWT_PRIVATE_KEY");
    }

    @Test
    void inDevelopmentAKeyIsGeneratedAndEachStartGetsItsOwn() {
        JwtProperties noKeys = new JwtProperties(null, null, null, null, null, true);
        assertThat(new SigningKeys(noKeys).publicKey()).isNotEqualTo(new SigningKeys(noKeys).publicKey());
    }

    @Test
    void aConfiguredPairIsUsedAndOnlyItsPublicHalfIsPublished() {
        JwtProperties configured =
                new JwtProperties(null, TestTokens.publicKeyPem(), TestTokens.privateKeyPem(), null, null, false);
        SigningKeys keys = new SigningKeys(configured);
        assertThat(keys.publicJwkSet().toJSONObject().toString())
                .doesNotContain("\"d\"")
                .doesNotContain("\"p\"");
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }

    @Test
    void halfAPairIsAConfigurationError() {
        JwtProperties half = new JwtProperties(null, TestTokens.publicKeyPem(), null, null, null, true);
        assertThatThrownBy(() -> new SigningKeys(half)).isInstanceOf(IllegalStateException.class);
    }
}
