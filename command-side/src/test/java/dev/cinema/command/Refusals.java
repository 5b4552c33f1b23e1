package dev.cinema.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cinema.platform.refusal.Refusal;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Checks a refusal by what the caller gets to see (code and field) rather than by its message,
 * which is free text; the status each code has on the wire is the web layer's business. Axon
 * 4.13's fixtures have no expectExceptionSatisfying, hence the matcher.
 */
public final class Refusals {

    private Refusals() {}

    /** For {@code fixture...expectException(refusal(...))}. */
    public static Matcher<Refusal> refusal(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal e) {
                return Objects.equals(e.code(), code) && Objects.equals(e.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Refusal(code=" + code + ", field=" + field + ")");
            }

            @Override
            protected void describeMismatchSafely(Refusal e, Description description) {
                description.appendText(
                        "was Refusal(code=" + e.code() + ", field=" + e.field() + ") \"" + e.getMessage() + "\"");
            }
        };
    }

    /** For plain unit tests: runs {@code call}, asserts it was refused so, and returns the refusal. */
    public static Refusal assertRefused(ThrowingCallable call, String code, String field) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refusal").isInstanceOf(Refusal.class);
        Refusal refusal = (Refusal) thrown;
        assertThat(refusal.code()).as("code of \"%s\"", refusal.getMessage()).isEqualTo(code);
        assertThat(refusal.field()).as("field of \"%s\"", refusal.getMessage()).isEqualTo(field);
        return refusal;
    }
}
