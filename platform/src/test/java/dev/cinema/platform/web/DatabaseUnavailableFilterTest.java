package dev.cinema.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database lost while the security filters read a token's version: 503, never the container's 500. */
class DatabaseUnavailableFilterTest {

    /** As the apps' own: Spring's builder adds the mix-in that writes a problem's properties at the top. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(json);

    @Test
    void aLostDatabaseBeforeTheControllerIsA503ProblemThatSaysWhenToComeBack() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/me/bookings"), response, (request, answer) -> {
            throw new CannotCreateTransactionException(
                    "no connection", new SQLTransientConnectionException("pool timed out"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(response.getContentAsString()).path("code").asText())
                .isEqualTo("database-unavailable");
    }

    @Test
    void anyOtherFailureGoesOnAsItWas() {
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("GET", "/api/me/bookings"),
                        new MockHttpServletResponse(),
                        (request, answer) -> {
                            throw new IllegalStateException("a bug");
                        }))
                .isInstanceOf(IllegalStateException.class);
    }
}
