package dev.cinema.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json. The bearer-token handlers still set {@code WWW-Authenticate}
 * (RFC 6750), so clients learn why a token was refused; the body is what every other error of
 * the API looks like.
 */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    public static AuthenticationEntryPoint authenticationEntryPoint(ObjectMapper objectMapper) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(
                    objectMapper,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "A valid bearer token is required: missing, expired, tampered or not signed with RS256.");
        };
    }

    public static AccessDeniedHandler accessDeniedHandler(ObjectMapper objectMapper) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(objectMapper, response, HttpStatus.FORBIDDEN, "Your roles do not allow this request.");
        };
    }

    private static void write(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
