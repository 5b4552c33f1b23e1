package dev.cinema.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.observability.MetricsScrapeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The parts of the HTTP security setup both apps share: stateless bearer tokens, problem+json
 * errors, security headers and the CORS policy.
 */
public final class CinemaHttpSecurity {

    /** Open on both apps: API docs, health and Spring's error page. */
    public static final String[] PUBLIC_INFRASTRUCTURE = {
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/health", "/error"
    };

    /**
     * The API answers JSON, never a page: nothing it sends may load anything, be framed, or be
     * the target of a form.
     */
    public static final String API_CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * Swagger UI is a page: its own scripts and styles (it sets inline styles, and its icons are
     * {@code data:} images), and calls to this app only. Still never framed.
     */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The browser app (issue 13), served by the command side under {@code /app/}: public pages (the
     * API calls carry the token), so that loading the HTML, CSS and scripts needs no JWT.
     */
    public static final String[] WEB_APP = {"/app", "/app/", "/app/**"};

    /** The Prometheus endpoint: ANALYST or ADMIN, or the scrape token if one is configured. */
    public static final String METRICS = "/actuator/prometheus";

    private static final String SCRAPER_AUTHORITY = "METRICS_SCRAPE";

    private static final RequestMatcher METRICS_PATH =
            PathPatternRequestMatcher.withDefaults().matcher(METRICS);

    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    private static final RequestMatcher WEB_APP_PATHS = new OrRequestMatcher(Arrays.stream(WEB_APP)
            .map(path ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
            .toList());

    private CinemaHttpSecurity() {}

    /**
     * The browser app's pages: their own scripts and style sheets only (no inline script or style,
     * no eval), {@code data:} images (the seat icons), and calls to their own origin and to the
     * other API's. Never framed; forms post nowhere but here (they are sent by scripts anyway).
     */
    public static String webAppContentSecurityPolicy(List<String> apiOrigins) {
        String connect = String.join(" ", apiOrigins).trim();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + (connect.isEmpty() ? "" : " " + connect) + "; manifest-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    public static HttpSecurity statelessBearer(HttpSecurity http, ObjectMapper objectMapper, CorsProperties cors)
            throws Exception {
        MetricsScrapeProperties scrape = http.getSharedObject(ApplicationContext.class)
                .getBeanProvider(MetricsScrapeProperties.class)
                .getIfAvailable(() -> new MetricsScrapeProperties(null));
        WebAppOrigins webApp = http.getSharedObject(ApplicationContext.class)
                .getBeanProvider(WebAppOrigins.class)
                .getIfAvailable();
        // Only an app that serves the browser app gives its pages their own policy; elsewhere the
        // paths are the API's (and answer 404 under its policy).
        RequestMatcher pages = webApp == null ? request -> false : WEB_APP_PATHS;
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        http.addFilterBefore(new ScrapeTokenFilter(scrape, bearer), BearerTokenAuthenticationFilter.class);
        if (cors.enabled()) {
            http.cors(configurer -> configurer.configurationSource(cors.source()));
        } else {
            // No CORS headers at all: browsers keep other origins' pages out.
            http.cors(AbstractHttpConfigurer::disable);
        }
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Spring Security's defaults stay (nosniff, X-Frame-Options DENY, no-store on
                // answers that set no caching of their own, HSTS on HTTPS requests only, which a
                // proxy's X-Forwarded-Proto marks once server.forward-headers-strategy trusts it).
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI,
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                pages,
                                (request, response) -> response.setHeader(
                                        "Content-Security-Policy", webAppContentSecurityPolicy(webApp.apiOrigins()))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(SWAGGER_UI, pages)),
                                new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY))))
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(request ->
                                request.getAttribute(SCRAPER_AUTHORITY) != null ? null : bearer.resolve(request))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(CinemaJwt.authenticationConverter()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint(objectMapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(objectMapper)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                ProblemSecurityHandlers.authenticationEntryPoint(objectMapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler(objectMapper)));
    }

    /**
     * Who may read {@link #METRICS}: an ANALYST or ADMIN token (people looking), or the scrape
     * token (Prometheus). Apps put this rule ahead of their others.
     */
    public static AuthorizationManager<RequestAuthorizationContext> metricsReaders() {
        return AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasAnyRole("ANALYST", "ADMIN"),
                AuthorityAuthorizationManager.hasAuthority(SCRAPER_AUTHORITY));
    }

    /**
     * On {@link #METRICS} only: a bearer token equal to the configured scrape token authenticates
     * the scraper (and is then not read as a JWT). Any other token goes on to JWT verification.
     */
    private static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final MetricsScrapeProperties scrape;
        private final DefaultBearerTokenResolver bearer;

        ScrapeTokenFilter(MetricsScrapeProperties scrape, DefaultBearerTokenResolver bearer) {
            this.scrape = scrape;
            this.bearer = bearer;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return scrape.scrapeToken() == null || !METRICS_PATH.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token;
            try {
                token = bearer.resolve(request);
            } catch (RuntimeException malformed) {
                token = null;
            }
            if (scrape.matches(token)) {
                request.setAttribute(SCRAPER_AUTHORITY, Boolean.TRUE);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "metrics-scraper", null, AuthorityUtils.createAuthorityList(SCRAPER_AUTHORITY)));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
