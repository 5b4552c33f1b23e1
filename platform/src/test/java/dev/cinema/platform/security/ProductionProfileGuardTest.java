package dev.cinema.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/** Production (the postgres profile) never starts with development-only keys or demo accounts. */
class ProductionProfileGuardTest {

    @Test
    void productionWithConfiguredKeysHasNothingToObjectTo() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("cinema.security.jwt.generate-dev-key", "false")
                .withProperty("cinema.audit.chain.generate-dev-key", "false");
        production.setActiveProfiles("postgres");

        assertThat(ProductionProfileGuard.reasons(production)).isEmpty();
    }

    @Test
    void productionRefusesTheDemoProfileAndEveryGeneratedKeyNamingEach() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("cinema.security.jwt.generate-dev-key", "true")
                .withProperty("cinema.audit.chain.generate-dev-key", "true");
        production.setActiveProfiles("postgres", "demo");

        assertThat(ProductionProfileGuard.reasons(production))
                .satisfiesExactly(
                        demo -> assertThat(demo).contains("demo profile"),
                        jwt -> assertThat(jwt)
                                .contains("cinema.security.jwt.generate-dev-key", "CINEMA_JWT_PRIVATE_KEY"),
                        audit -> assertThat(audit)
                                .contains("cinema.audit.chain.generate-dev-key", "CINEMA_AUDIT_CHAIN_KEY"));
    }

    @Test
    void developmentMayGenerateKeysAndLoadTheDemo() {
        MockEnvironment development = new MockEnvironment()
                .withProperty("cinema.security.jwt.generate-dev-key", "true")
                .withProperty("cinema.audit.chain.generate-dev-key", "true");
        development.setActiveProfiles("demo");

        assertThat(ProductionProfileGuard.reasons(development)).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void anAppStartedWithThePostgresProfileAndAGeneratedKeyStopsBeforeAnyBeanWithAClearMessage() {
        assertThatThrownBy(() -> start("postgres", "--cinema.security.jwt.generate-dev-key=true")
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The postgres (production) profile refuses to start")
                .hasMessageContaining("cinema.security.jwt.generate-dev-key=true");
        try (ConfigurableApplicationContext started = start("postgres")) {
            assertThat(started.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String profile, String... arguments) {
        return new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .run(arguments);
    }
}
