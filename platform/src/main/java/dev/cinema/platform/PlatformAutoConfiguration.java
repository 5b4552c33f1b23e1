package dev.cinema.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.audit.AuditChainConfiguration;
import dev.cinema.platform.audit.AuditChainProperties;
import dev.cinema.platform.openapi.OpenApiConfiguration;
import dev.cinema.platform.ops.OpsConfiguration;
import dev.cinema.platform.security.CorsProperties;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.security.TokenVersionProperties;
import dev.cinema.platform.security.TokenVersions;
import dev.cinema.platform.web.ApiExceptionHandler;
import dev.cinema.platform.web.ApiProperties;
import dev.cinema.platform.web.DatabaseUnavailableFilter;
import dev.cinema.platform.web.RequestSizeLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every app of the system gets by having the platform on its class path. */
@AutoConfiguration
@EnableConfigurationProperties({
    JwtProperties.class,
    CorsProperties.class,
    ApiProperties.class,
    AuditChainProperties.class,
    TokenVersionProperties.class
})
@Import({ApiExceptionHandler.class, OpenApiConfiguration.class, AuditChainConfiguration.class, OpsConfiguration.class})
public class PlatformAutoConfiguration {

    /** Both apps check every token's version against it; the command side also raises it. */
    @Bean
    TokenVersions tokenVersions(JdbcTemplate jdbc, TokenVersionProperties properties) {
        return new TokenVersions(jdbc, properties);
    }

    /** Ahead of security, so that an oversized body is refused before a token is even checked. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            ObjectMapper objectMapper, ApiProperties api) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(api.maxRequestBytes(), objectMapper));
        // Right after the correlation id (ObservabilityAutoConfiguration), so that a 413 names it too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Next, around security: a lost database while a token's version is read answers 503, not 500. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper objectMapper) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
