package dev.cinema.command.account;

import dev.cinema.platform.refusal.Refusal;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits logins per account (e-mail) and per client address, with lockouts that expire. The
 * counts live in the {@code login_throttle} table, each key's row locked while it is read and
 * written, so every command-side process sees the same attempts and parallel ones are counted one
 * by one.
 *
 * <p>Keys are the e-mail as typed (normalised), whether an account has it or not: an unknown
 * e-mail is counted and locked exactly like a known one, so neither the answer nor its timing
 * says which e-mails are registered.
 */
@Component
class LoginThrottle {

    /** Stale rows are deleted on every this many admitted attempts of a process. */
    private static final int PURGE_EVERY = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final AtomicLong admitted = new AtomicLong();
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    LoginThrottle(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            LoginThrottleProperties limits,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.limits = limits;
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Counts an attempt against the account and the address, or refuses it (429
     * {@code login-throttled}, with how long to wait) without counting it when either is locked.
     */
    void admit(String email, String address) {
        Optional<Duration> locked = exclusively(
                email,
                address,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    // Every transaction locks an account's row before an address's: no circle of waits.
                    Row account = load(accountKey(email));
                    Row byAddress = load(addressKey(address));
                    Optional<Duration> wait = longest(
                            account.tally().lockedFor(now), byAddress.tally().lockedFor(now));
                    if (wait.isEmpty()) {
                        store(account, account.tally().counted(limits.account(), now));
                        store(byAddress, byAddress.tally().counted(limits.address(), now));
                    }
                    return wait;
                }));
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            throw new Refusal(
                    "login-throttled",
                    null,
                    "Too many login attempts; try again in " + seconds + " seconds",
                    Map.of(Refusal.RETRY_AFTER_SECONDS, seconds));
        }
        if (admitted.incrementAndGet() % PURGE_EVERY == 0) {
            jdbc.update("delete from login_throttle where forget_after < ?", timestamp(clock.instant()));
        }
    }

    /** The password was right: the account starts afresh, and the address gets its attempt back. */
    void succeeded(String email, String address) {
        exclusively(
                email,
                address,
                () -> transactions.execute(status -> {
                    jdbc.update("delete from login_throttle where throttle_key = ?", accountKey(email));
                    Row byAddress = load(addressKey(address));
                    store(byAddress, byAddress.tally().forgiven(limits.address()));
                    return null;
                }));
    }

    /** A key's tally as read, and whether it has a row yet (a first attempt inserts one). */
    private record Row(String key, LoginTally tally, boolean stored) {}

    private Row load(String key) {
        List<LoginTally> rows = jdbc.query(
                "select attempts, window_ends_at, locked_until from login_throttle where throttle_key = ? for update",
                (row, i) -> new LoginTally(
                        row.getInt(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.getObject(3, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)),
                key);
        return rows.isEmpty() ? new Row(key, LoginTally.none(), false) : new Row(key, rows.get(0), true);
    }

    private void store(Row row, LoginTally tally) {
        if (row.stored()) {
            jdbc.update(
                    "update login_throttle set attempts = ?, window_ends_at = ?, locked_until = ?, forget_after = ?"
                            + " where throttle_key = ?",
                    tally.attempts(),
                    timestamp(tally.windowEndsAt()),
                    timestamp(tally.lockedUntil()),
                    timestamp(tally.forgetAfter()),
                    row.key());
        } else {
            // Never an update here: a row another process inserted since it was read would be
            // overwritten. Its insert wins the key, this one fails (DuplicateKeyException) and is retried.
            jdbc.update(
                    "insert into login_throttle (throttle_key, attempts, window_ends_at, locked_until, forget_after)"
                            + " values (?, ?, ?, ?, ?)",
                    row.key(),
                    tally.attempts(),
                    timestamp(tally.windowEndsAt()),
                    timestamp(tally.lockedUntil()),
                    timestamp(tally.forgetAfter()));
        }
    }

    /**
     * Runs one read-and-write of both keys' rows. Across processes the rows' locks order parallel
     * attempts (PostgreSQL's {@code SELECT ... FOR UPDATE} reads the row as the last holder left
     * it). Within a process a lock per key stripe orders them too, because H2's does not: after
     * waiting it can answer the version from before the other attempt, which would count one
     * attempt twice. Two first attempts on one key race to insert its row: the loser runs again.
     */
    private <T> T exclusively(String email, String address, Supplier<T> work) {
        int first = Math.floorMod(accountKey(email).hashCode(), stripes.length);
        int second = Math.floorMod(addressKey(address).hashCode(), stripes.length);
        // In index order, so that two logins never wait on each other in a circle.
        ReentrantLock low = stripes[Math.min(first, second)];
        ReentrantLock high = stripes[Math.max(first, second)];
        low.lock();
        high.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.get();
                } catch (DuplicateKeyException race) {
                    if (attempt == 3) {
                        throw race;
                    }
                }
            }
        } finally {
            high.unlock();
            low.unlock();
        }
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    /** Typed, so that a null (no lock) binds on PostgreSQL as well as on H2. */
    private static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(
                Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    private static String accountKey(String email) {
        return "account:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
