package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.platform.audit.AuditChainConfiguration;
import dev.cinema.platform.audit.AuditChainProperties;
import dev.cinema.platform.audit.EventChain;
import dev.cinema.platform.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Each app's own configuration file decides whether a throw-away audit key may be generated: on
 * H2 (development) yes, with the postgres profile never. Only the audit chain's beans are started,
 * with the app's configuration file and profile, and no key given (the command line outranks any
 * CINEMA_AUDIT_CHAIN_KEY in the environment).
 */
class AuditChainKeyConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditChainProperties.class)
    @Import(AuditChainConfiguration.class)
    static class AuditChainOnly {}

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void withThePostgresProfileAnAppWithoutAnAuditKeyDoesNotStart(String app) {
        assertThatThrownBy(() ->
                        start(app, "postgres", "--cinema.audit.chain.key=").close())
                .hasStackTraceContaining("No audit chain key")
                .hasStackTraceContaining("CINEMA_AUDIT_CHAIN_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void withThePostgresProfileAndAKeyItStartsAndChainsPaymentsRefundsAndBookings(String app) {
        try (ConfigurableApplicationContext context =
                start(app, "postgres", "--cinema.audit.chain.key=" + TestTokens.AUDIT_CHAIN_KEY)) {
            assertThat(context.getBean(EventChain.class).aggregates()).containsExactly("Booking", "Payment", "Refund");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void inDevelopmentOnH2AKeyIsGenerated(String app) {
        try (ConfigurableApplicationContext context = start(app, null, "--cinema.audit.chain.key=")) {
            assertThat(context.getBean(EventChain.class).chains("Payment")).isTrue();
            assertThat(context.getBean(EventChain.class).chains("Screening")).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String app, String profile, String... arguments) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AuditChainOnly.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=" + app);
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run(arguments);
    }
}
