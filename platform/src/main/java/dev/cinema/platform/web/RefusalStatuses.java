package dev.cinema.platform.web;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PAYMENT_REQUIRED;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.TOO_MANY_REQUESTS;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The one table from refusal codes to HTTP statuses, for both APIs: the domain refuses in its own
 * words, and this is the only place that decides what each refusal is on the wire. A code has
 * exactly one status wherever it is raised. The groups follow one rule each:
 *
 * <ul>
 *   <li>400: the input is malformed or out of range, whatever the state of the system;
 *   <li>401: the caller could not be identified;
 *   <li>402: the payment provider declined;
 *   <li>403: the caller is identified, and the request sound, but it is not theirs to make (a
 *       review by someone who has not seen the film); a missing role is a 403 too, from the security
 *       rules, without a code;
 *   <li>404: the item named in the path does not exist, or is not the caller's;
 *   <li>409: the request is sound but the state of what it acts on forbids it now (seats taken,
 *       a screening started or cancelled, a booking no longer held, an item retired);
 *   <li>422: the request is well-formed but refers to something it cannot use (an unknown or
 *       retired item named in the body) or asks for something the rules never allow;
 *   <li>429: the system is taking in no more of this kind of request for a moment: retry later
 *       (with {@code Retry-After});
 *   <li>503: a technical condition that passes: retry later (with {@code Retry-After}).
 * </ul>
 *
 * A refusal whose code is missing here is a programming error: it is answered as a 500 and logged,
 * and {@code RefusalCodesTest} (standalone) checks every code raised in the sources against this table.
 */
public final class RefusalStatuses {

    private static final Map<String, HttpStatus> STATUSES = table(
            group(
                    BAD_REQUEST,
                    // shape of the input
                    "invalid-input",
                    "malformed-body",
                    "invalid-sort",
                    "blank",
                    "too-long",
                    "role-required",
                    "weak-password",
                    "time-zone-required",
                    "address-required",
                    "unknown-country",
                    "invalid-runtime",
                    "age-rating-required",
                    "invalid-genres",
                    "release-date-required",
                    "invalid-release-date",
                    "format-required",
                    "invalid-layout",
                    "invalid-prices",
                    "start-required",
                    // seats named in a hold or refund request
                    "seat-count",
                    "duplicate-seat",
                    "unknown-seats",
                    "seats-not-in-booking",
                    // reviews
                    "invalid-rating",
                    // periods of audit exports and checks, and of analytics reports
                    "invalid-period",
                    "period-too-long"),
            group(
                    UNAUTHORIZED,
                    "bad-credentials",
                    // a public listing asked for the caller's favourites without a token
                    "token-required",
                    // a token issued before its account's latest role or password change (written by
                    // the security layer's ProblemSecurityHandlers, listed here as every code is)
                    "token-revoked"),
            group(PAYMENT_REQUIRED, "payment-declined"),
            group(
                    FORBIDDEN,
                    // who may review a film: a customer who saw it
                    "no-confirmed-booking",
                    "screening-not-started",
                    // a password change whose current password is wrong: the token alone is not enough
                    "current-password-wrong"),
            group(
                    NOT_FOUND,
                    "not-found",
                    "account-not-found",
                    "location-not-found",
                    "cinema-not-found",
                    "screen-not-found",
                    "film-not-found",
                    "screening-not-found",
                    "booking-not-found",
                    "payment-not-found",
                    "seat-map-not-found",
                    "alert-not-found",
                    "review-not-found",
                    "refund-not-found",
                    "stream-not-found",
                    "checkpoint-not-found",
                    "projection-not-found",
                    "rebuild-not-found",
                    // operations: a processor named in a filter, a dead letter in the path
                    "processor-not-found",
                    "dead-letter-not-found"),
            group(
                    CONFLICT,
                    "email-taken",
                    "location-retired",
                    "cinema-retired",
                    "screen-retired",
                    "film-retired",
                    "screening-overlap",
                    "screening-started",
                    "screening-cancelled",
                    "screening-not-on-sale",
                    "seats-unavailable",
                    "stranded-seat",
                    "booking-not-held",
                    "booking-not-confirmed",
                    "hold-expired-refunded",
                    "payment-not-captured",
                    "refund-exceeds-payment",
                    "favourites-full",
                    "stream-not-chained",
                    "rebuild-in-progress",
                    "nothing-to-switch",
                    "checksum-mismatch",
                    // a dead letter whose processing group no longer runs here: discard only
                    "dead-letter-not-retryable"),
            group(
                    UNPROCESSABLE_ENTITY,
                    "unknown-location",
                    "unknown-cinema",
                    "unknown-screen",
                    "unknown-film",
                    "unknown-screening",
                    "inactive-location",
                    "inactive-cinema",
                    "inactive-screen",
                    "inactive-film",
                    "start-in-past",
                    "start-too-far",
                    "customer-role-permanent",
                    "idempotency-key-reused",
                    "refund-not-allowed"),
            group(
                    SERVICE_UNAVAILABLE,
                    "provider-unavailable",
                    "concurrent-modification",
                    // a report whose projection is still reading the event store (backfilling or rebuilt)
                    "projection-catching-up"),
            group(
                    TOO_MANY_REQUESTS,
                    // a hot screening's queue of waiting holds is full: back-pressure, not a timeout
                    "hold-queue-full",
                    // too many login attempts for an e-mail or from an address: locked for a while
                    "login-throttled"));

    private RefusalStatuses() {}

    /** The status of a refusal code; empty for a code nobody put in the table. */
    public static Optional<HttpStatus> of(String code) {
        return Optional.ofNullable(STATUSES.get(code));
    }

    /** Every code with its status, in the table's order (for documentation and tests). */
    public static Map<String, HttpStatus> all() {
        return STATUSES;
    }

    private record Group(HttpStatus status, List<String> codes) {}

    private static Group group(HttpStatus status, String... codes) {
        return new Group(status, List.of(codes));
    }

    private static Map<String, HttpStatus> table(Group... groups) {
        Map<String, HttpStatus> table = new LinkedHashMap<>();
        for (Group group : groups) {
            for (String code : group.codes()) {
                if (table.put(code, group.status()) != null) {
                    throw new IllegalStateException("Refusal code " + code + " is listed twice");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
