package dev.cinema.command.webapp;

import dev.cinema.platform.security.WebAppOrigins;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser app (issue 13): static HTML, CSS and JavaScript modules under {@code /app/}, served
 * by the command side, so that its commands are same-origin and only the query side needs CORS.
 * The files live in {@code classpath:/cinema-web/}, not in Boot's default {@code static/}, so that
 * the query side, which shares the class path in the standalone run, does not serve them too.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

    /** Where the pages' scripts find the query API; read on every use (see {@link WebAppOrigins}). */
    static final String QUERY_API = "cinema.web.query-api";

    static final String DEFAULT_QUERY_API = "http://localhost:8081";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/**").addResourceLocations("classpath:/cinema-web/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }

    @Bean
    WebAppSettings webAppSettings(Environment environment) {
        return new WebAppSettings(environment);
    }

    /** The query API's address for the pages, and its origin for their Content-Security-Policy. */
    static final class WebAppSettings implements WebAppOrigins {

        private final Environment environment;

        WebAppSettings(Environment environment) {
            this.environment = environment;
        }

        String queryApi() {
            String url = environment.getProperty(QUERY_API, DEFAULT_QUERY_API).trim();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        @Override
        public List<String> apiOrigins() {
            URI uri = URI.create(queryApi());
            return List.of(uri.getScheme() + "://" + uri.getRawAuthority());
        }
    }
}
