package dev.cinema.command.account;

import dev.cinema.platform.refusal.Refusal;
import java.util.Locale;

/**
 * 10 to 128 characters and at most 72 bytes in UTF-8 (BCrypt ignores anything after the 72nd
 * byte, so a longer password is refused rather than silently shortened), with a letter and a
 * digit, and not the e-mail itself.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    static void check(String password, String email) {
        check(password, email, "password");
    }

    /** {@code field}: the request member the password came in, named by the refusal. */
    static void check(String password, String email, String field) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw violation(field, "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw violation(field, "must be at most 72 bytes in UTF-8");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw violation(field, "must contain at least one letter and one digit");
        }
        if (email != null
                && password.trim().toLowerCase(Locale.ROOT).equals(email.trim().toLowerCase(Locale.ROOT))) {
            throw violation(field, "must not be the e-mail address");
        }
    }

    private static Refusal violation(String field, String message) {
        return new Refusal("weak-password", field, field + " " + message);
    }
}
