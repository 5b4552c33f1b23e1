package dev.cinema.command.config;

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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain commandApiSecurity(HttpSecurity http, ObjectMapper objectMapper, CorsProperties cors)
            throws Exception {
        return CinemaHttpSecurity.statelessBearer(http, objectMapper, cors)
                .authorizeHttpRequests(auth -> auth.requestMatchers(CinemaHttpSecurity.METRICS)
                        .access(CinemaHttpSecurity.metricsReaders())
                        .requestMatchers(CinemaHttpSecurity.PUBLIC_INFRASTRUCTURE)
                        .permitAll()
                        // The browser app's pages and scripts; what they call carries the token.
                        .requestMatchers(HttpMethod.GET, CinemaHttpSecurity.WEB_APP)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/auth/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/accounts/*/roles/**")
                        .hasRole("ADMIN")
                        // Also checked by @PreAuthorize on the controller.
                        .requestMatchers("/api/ops/**")
                        .hasAnyRole("ANALYST", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /**
     * The command side verifies with the public half of the key it signs with, and refuses tokens
     * revoked by a later role or password change.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, JwtProperties properties, TokenVersions versions) {
        return CinemaJwt.decoder(keys.publicKey(), properties.issuer(), versions);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
