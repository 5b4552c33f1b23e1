package dev.cinema.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtValidationException;
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

    /** The code of the 401 for a token revoked by a role or password change (problem type {@code token-revoked}). */
    public static final String TOKEN_REVOKED = "token-revoked";

    private ProblemSecurityHandlers() {}

    public static AuthenticationEntryPoint authenticationEntryPoint(ObjectMapper objectMapper) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            if (revoked(exception)) {
                // Valid in every other way: the client should log in again, not report a bug.
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNAUTHORIZED, TokenVersionValidator.REVOKED.getDescription());
                problem.setTitle("Token revoked");
                problem.setType(URI.create(TokenVersionValidator.REVOKED_URI));
                problem.setProperty("code", TOKEN_REVOKED);
                write(objectMapper, response, problem);
                return;
            }
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

    private static boolean revoked(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JwtValidationException invalid
                    && TokenVersionValidator.isRevocation(invalid.getErrors())) {
                return true;
            }
        }
        return false;
    }

    private static void write(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(objectMapper, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static void write(ObjectMapper objectMapper, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
