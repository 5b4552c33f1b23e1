package dev.cinema.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.security.CinemaHttpSecurity;
import dev.cinema.platform.security.CinemaJwt;
import dev.cinema.platform.security.CorsProperties;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.security.TokenVersions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The query side only verifies tokens: it holds the public key (or fetches it), never the private one. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Public listings: what is showing where and when, and the screens' layouts (which every seat
     * map shows anyway). Everything else needs a token.
     */
    static final String[] PUBLIC_LISTINGS = {
        "/api/locations",
        "/api/locations/**",
        "/api/cinemas",
        "/api/cinemas/**",
        "/api/screens/**",
        "/api/films",
        "/api/films/**",
        "/api/screenings",
        "/api/screenings/**"
    };

    @Bean
    SecurityFilterChain queryApiSecurity(HttpSecurity http, ObjectMapper objectMapper, CorsProperties cors)
            throws Exception {
        return CinemaHttpSecurity.statelessBearer(http, objectMapper, cors)
                .authorizeHttpRequests(auth -> auth.requestMatchers(CinemaHttpSecurity.METRICS)
                        .access(CinemaHttpSecurity.metricsReaders())
                        .requestMatchers(CinemaHttpSecurity.PUBLIC_INFRASTRUCTURE)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_LISTINGS)
                        .permitAll()
                        // Also checked by @PreAuthorize on the controllers; here too, so that a caller
                        // without the role is refused before any of its input is looked at.
                        .requestMatchers("/api/audit/**")
                        .hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/ops/**", "/api/analytics/**")
                        .hasAnyRole("ANALYST", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /** Refuses tokens revoked by a later role or password change, as the command side does. */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, TokenVersions versions) {
        return CinemaJwt.decoder(properties, versions);
    }
}
