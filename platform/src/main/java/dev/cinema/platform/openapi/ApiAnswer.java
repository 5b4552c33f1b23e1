package dev.cinema.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An answer an operation gives that cannot be read off its signature or the security rules: a
 * success other than the one Spring infers (201 with a {@code Location} header, 202...), or a
 * business refusal (409, 422, 402, 503...). Everything else (401, 403, 400, 404, 413, 415, the
 * bearer requirement) is inferred by {@link ApiAnswersCustomizer}.
 *
 * <p>Declaring any success replaces the inferred one. A refusal is always problem+json.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiAnswers.class)
public @interface ApiAnswer {

    /**
     * Why any change to an existing item may be answered 503: two writers on one aggregate (two
     * processes, or a stale cached copy) of which the event store lets one win. The loser is
     * decided again by itself a few times; only if it keeps losing is the caller asked to retry.
     */
    String CONCURRENT_CHANGE =
            "The item was too busy: the request lost several write races in a row; send it again after Retry-After.";

    /** The HTTP status. */
    int status();

    /** When it is given: the response's description. */
    String when();

    /**
     * For a success: the body's type, when the method's return type does not say (e.g.
     * {@code ResponseEntity<Object>}); by default the inferred body. For a refusal: a type whose
     * properties are extra members of the problem document (e.g. {@code unavailableSeats}).
     */
    Class<?> body() default Void.class;
}
