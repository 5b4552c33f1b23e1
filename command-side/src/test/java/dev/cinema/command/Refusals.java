package dev.cinema.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cinema.platform.web.DomainException;
import dev.cinema.platform.web.ProblemKind;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Checks a refusal by what the caller gets to see (kind, code, field) rather than by its message,
 * which is free text. Axon 4.13's fixtures have no expectExceptionSatisfying, hence the matcher.
 */
public final class Refusals {

    private Refusals() {}

    /** For {@code fixture...expectException(refusal(...))}. */
    public static Matcher<DomainException> refusal(ProblemKind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind && Objects.equals(e.code(), code) && Objects.equals(e.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException(kind=" + kind + ", code=" + code + ", field=" + field + ")");
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was DomainException(kind=" + e.kind() + ", code=" + e.code() + ", field="
                        + e.field() + ") \"" + e.getMessage() + "\"");
            }
        };
    }

    /** For plain unit tests: runs {@code call}, asserts it was refused so, and returns the refusal. */
    public static DomainException assertRefused(ThrowingCallable call, ProblemKind kind, String code, String field) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refusal").isInstanceOf(DomainException.class);
        DomainException refusal = (DomainException) thrown;
        assertThat(refusal.kind()).as("kind of \"%s\"", refusal.getMessage()).isEqualTo(kind);
        assertThat(refusal.code()).as("code of \"%s\"", refusal.getMessage()).isEqualTo(code);
        assertThat(refusal.field()).as("field of \"%s\"", refusal.getMessage()).isEqualTo(field);
        return refusal;
    }
}
