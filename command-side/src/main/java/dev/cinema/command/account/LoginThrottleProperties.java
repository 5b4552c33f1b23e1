package dev.cinema.command.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many login attempts an account and a client address may make before they are locked out for
 * a while. Counted in the database, so the limits hold across command-side processes. Each member
 * of a limit left out keeps its default.
 *
 * @param account per e-mail, whether an account has it or not (so that a lockout tells nothing about
 *     which e-mails are registered); a successful login clears the count. Default: 5 attempts in
 *     15 minutes, then locked for 15 minutes
 * @param address per client address (the remote address; behind a proxy
 *     {@code server.forward-headers-strategy} decides which address that is); a successful login
 *     takes back only its own attempt, so one valid account cannot clear an address that guesses
 *     at others. Default: 20 attempts in a minute, then locked for a minute
 */
@ConfigurationProperties("cinema.security.login")
record LoginThrottleProperties(Limit account, Limit address) {

    static final Limit ACCOUNT_DEFAULT = new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    static final Limit ADDRESS_DEFAULT = new Limit(20, Duration.ofMinutes(1), Duration.ofMinutes(1));

    LoginThrottleProperties {
        account = Limit.orDefaults(account, ACCOUNT_DEFAULT).validated("account");
        address = Limit.orDefaults(address, ADDRESS_DEFAULT).validated("address");
    }

    /**
     * @param maxAttempts attempts not known to be right that one window allows; the next is refused,
     *     and the key stays locked for {@code lockFor} from the last attempt counted
     * @param window how long attempts are counted together, from the first one
     * @param lockFor how long a key that used up its attempts is refused
     */
    record Limit(Integer maxAttempts, Duration window, Duration lockFor) {

        static Limit orDefaults(Limit given, Limit defaults) {
            if (given == null) {
                return defaults;
            }
            return new Limit(
                    given.maxAttempts != null ? given.maxAttempts : defaults.maxAttempts,
                    given.window != null ? given.window : defaults.window,
                    given.lockFor != null ? given.lockFor : defaults.lockFor);
        }

        Limit validated(String name) {
            if (maxAttempts < 1 || window.isNegative() || window.isZero() || lockFor.isNegative() || lockFor.isZero()) {
                throw new IllegalArgumentException("cinema.security.login." + name
                        + " needs max-attempts of at least 1 and a positive window and lock-for");
            }
            return this;
        }
    }
}
