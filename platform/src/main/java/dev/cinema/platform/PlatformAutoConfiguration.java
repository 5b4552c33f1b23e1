package dev.cinema.platform;

import dev.cinema.platform.openapi.OpenApiConfiguration;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.web.ApiExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** What every app of the system gets by having the platform on its class path. */
@AutoConfiguration
@EnableConfigurationProperties(JwtProperties.class)
@Import({ApiExceptionHandler.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {
}
