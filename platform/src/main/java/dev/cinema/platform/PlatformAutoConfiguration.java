package dev.cinema.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.audit.AuditChainConfiguration;
import dev.cinema.platform.audit.AuditChainProperties;
import dev.cinema.platform.openapi.OpenApiConfiguration;
import dev.cinema.platform.ops.OpsConfiguration;
import dev.cinema.platform.security.CorsProperties;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.web.ApiExceptionHandler;
import dev.cinema.platform.web.ApiProperties;
import dev.cinema.platform.web.RequestSizeLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** What every app of the system gets by having the platform on its class path. */
@AutoConfiguration
@EnableConfigurationProperties({
    JwtProperties.class,
    CorsProperties.class,
    ApiProperties.class,
    AuditChainProperties.class
})
@Import({ApiExceptionHandler.class, OpenApiConfiguration.class, AuditChainConfiguration.class, OpsConfiguration.class})
public class PlatformAutoConfiguration {

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
}
