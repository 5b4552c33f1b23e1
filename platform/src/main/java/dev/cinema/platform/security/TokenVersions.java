package dev.cinema.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each account's current token version, in the {@code account_token_version} table both apps share
 * (platform migration V170). A token carries the version its account had when it was issued (the
 * {@code ver} claim); a token with a lower version than the current one was issued before a role
 * or password change and is refused ({@link TokenVersionValidator}).
 *
 * <p>Why a table both apps read, and not a query-side projection of the account events: a
 * revocation is a security decision that must hold in every process of both apps from the moment
 * the change commits. A projection would lag (its poll, or a stopped or rebuilding processor), and
 * while it lagged a revoked token would pass; an in-memory map is not shared between processes.
 * The command side writes the row in the same transaction as the account's event, like its other
 * lookups; the query side only reads it, through this class, never through command-side code.
 *
 * <p>Cost: one primary-key read per account per {@link TokenVersionProperties#cacheFor()} and
 * process (one second by default), so that a client sending many requests costs one read a second
 * rather than one per request. The process that raises a version forgets its copy when the change
 * commits; the others within {@code cacheFor}.
 */
public class TokenVersions implements TokenVersionCheck {

    private final JdbcTemplate jdbc;
    private final long cacheForNanos;
    private final int cacheSize;
    private final LongSupplier nanoTime;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long version, long readAt) {}

    public TokenVersions(JdbcTemplate jdbc, TokenVersionProperties properties) {
        this(jdbc, properties, System::nanoTime);
    }

    TokenVersions(JdbcTemplate jdbc, TokenVersionProperties properties, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.cacheForNanos = properties.cacheFor().toNanos();
        this.cacheSize = properties.cacheSize();
        this.nanoTime = nanoTime;
    }

    /** The account's current version, from memory if read less than {@code cacheFor} ago; 0 if never changed. */
    @Override
    public long current(String accountId) {
        long now = nanoTime.getAsLong();
        Known memory = known.get(accountId);
        if (memory != null && now - memory.readAt() < cacheForNanos) {
            return memory.version();
        }
        long version = read(accountId);
        if (cacheForNanos > 0) {
            if (known.size() >= cacheSize) {
                known.clear();
            }
            known.put(accountId, new Known(version, now));
        }
        return version;
    }

    /**
     * The account's current version as the database has it now, for the version a new token gets:
     * a token must never carry a version older than the roles it is issued with, so the issuer
     * reads this before it reads the roles.
     */
    public long read(String accountId) {
        List<Long> versions = jdbc.queryForList(
                "select version from account_token_version where account_id = ?", Long.class, accountId);
        return versions.isEmpty() ? 0 : versions.get(0);
    }

    /**
     * Raises the account's version to {@code version} (never lowers it, so a redelivered event
     * changes nothing), in the caller's transaction: called by the command side's subscribing
     * account lookup with the sequence number of the event that changed roles or password.
     */
    public void raise(String accountId, long version, Instant changedAt) {
        Timestamp at = Timestamp.from(changedAt);
        int updated = jdbc.update(
                "update account_token_version set version = ?, changed_at = ? where account_id = ? and version < ?",
                version,
                at,
                accountId,
                version);
        if (updated == 0) {
            // Absent (the account's first change), or already at this version or higher.
            jdbc.update(
                    "insert into account_token_version (account_id, version, changed_at) select ?, ?, ? "
                            + "where not exists (select 1 from account_token_version where account_id = ?)",
                    accountId,
                    version,
                    at,
                    accountId);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    known.remove(accountId);
                }
            });
        } else {
            known.remove(accountId);
        }
    }
}
