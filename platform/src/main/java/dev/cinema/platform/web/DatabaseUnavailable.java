package dev.cinema.platform.web;

import dev.cinema.platform.refusal.Refusal;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached or went away mid-request (restarted,
 * failed over, the pool waited in vain for a connection), as opposed to a fault of this code. Such
 * a request changed nothing (its transaction never committed) and may be sent again once the
 * pool has reconnected, which it does by itself: the caller gets 503 with {@code Retry-After}.
 */
final class DatabaseUnavailable {

    /** How long to wait before trying again: a restart of PostgreSQL takes a few seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String CLOSED = "Connection is closed";

    private DatabaseUnavailable() {}

    /** The 503 both the exception handler and {@link DatabaseUnavailableFilter} answer. */
    static ProblemDetail problem() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached right now. Please try again shortly.");
        body.setTitle("Service unavailable");
        body.setType(URI.create("https://cinema.dev/problems/database-unavailable"));
        body.setProperty("code", "database-unavailable");
        body.setProperty(Refusal.RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS);
        return body;
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            // HikariCP's answer to any use of a connection it has closed after losing it, rollback
            // included (which then hides the first failure): no SQL state, only this message.
            if (t instanceof SQLException sql && sql.getSQLState() == null && CLOSED.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
