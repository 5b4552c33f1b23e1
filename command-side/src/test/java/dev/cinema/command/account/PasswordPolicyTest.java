package dev.cinema.command.account;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.cinema.platform.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "ada@example.com";

    private static Refusal refusalOf(String password, String email) {
        return assertRefused(() -> PasswordPolicy.check(password, email), "weak-password", "password");
    }

    @Test
    void aPasswordOfTenCharactersWithALetterAndADigitIsAccepted() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("abcdefghi1", EMAIL));
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRefused() {
        assertThat(refusalOf("abcdefgh1", EMAIL)).hasMessageContaining("between 10 and 128");
    }

    @Test
    void aPasswordOfSeventyTwoBytesIsAccepted() {
        // BCrypt reads exactly 72 bytes: the longest password that is hashed in full.
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("a1" + "x".repeat(70), EMAIL));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanSilentlyTruncated() {
        assertThat(refusalOf("a1" + "x".repeat(71), EMAIL)).hasMessageContaining("72 bytes");
    }

    @Test
    void theByteLimitCountsUtf8BytesNotCharacters() {
        // 30 characters, but each euro sign is 3 bytes in UTF-8: 2 + 28 * 3 = 86 bytes.
        assertThat(refusalOf("a1" + "€".repeat(28), EMAIL)).hasMessageContaining("72 bytes");
    }

    @Test
    void aPasswordLongerThanTheCharacterLimitIsRefused() {
        assertThat(refusalOf("a1" + "x".repeat(127), EMAIL)).hasMessageContaining("between 10 and 128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onlyletters", "ONLYLETTERSTOO", "1234567890", "12345 67890 !?"})
    void aPasswordWithoutBothALetterAndADigitIsRefused(String password) {
        assertThat(refusalOf(password, EMAIL)).hasMessageContaining("letter and one digit");
    }

    @Test
    void lettersAndDigitsOfOtherScriptsCount() {
        // Character.isLetter/isDigit are Unicode-aware: "passwörter" plus an Arabic-Indic digit.
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("passwörter\u0663", EMAIL));
    }

    @Test
    void thePasswordMustNotBeTheEmailAddressInAnyCase() {
        String email = "ada.lovelace1815@example.com";

        assertThat(refusalOf(email, email)).hasMessageContaining("e-mail");
        assertThat(refusalOf(" ADA.Lovelace1815@Example.COM ", email)).hasMessageContaining("e-mail");
    }

    @Test
    void aPasswordThatMerelyContainsTheEmailIsAccepted() {
        String email = "ada1815@example.com";

        assertThatNoException().isThrownBy(() -> PasswordPolicy.check(email + "!", email));
    }

    @Test
    void withoutAnEmailOnlyTheOtherRulesApply() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("abcdefghi1", null));
    }
}
