package dev.cinema.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/** The parts of the HTTP security setup both apps share: stateless bearer tokens, problem+json errors. */
public final class CinemaHttpSecurity {

    /** Open on both apps: API docs, health and Spring's error page. */
    public static final String[] PUBLIC_INFRASTRUCTURE = {
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/health", "/error"
    };

    private CinemaHttpSecurity() {}

    public static HttpSecurity statelessBearer(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(CinemaJwt.authenticationConverter()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint(objectMapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(objectMapper)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                ProblemSecurityHandlers.authenticationEntryPoint(objectMapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(objectMapper)));
    }
}
