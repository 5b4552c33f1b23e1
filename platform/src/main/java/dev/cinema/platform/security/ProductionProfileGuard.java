package dev.cinema.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The {@code postgres} profile is how the apps run in production, so with it they refuse to start
 * with anything that exists only for development: the {@code demo} profile (accounts whose
 * passwords the README publishes), a throw-away JWT signing key, or a throw-away audit chain key.
 * Each app's own configuration already turns the generated keys off for this profile and a missing
 * key stops the start; this catches the override that would turn them back on (an environment
 * variable such as {@code CINEMA_SECURITY_JWT_GENERATE_DEV_KEY=true} outranks the file).
 *
 * <p>Checked once the configuration is read and before any bean exists, so the refusal is the
 * first and only error, naming every reason at once. Keys given by configuration are never judged:
 * tests and the benchmark harness run this profile with their own keys, as production does.
 */
public class ProductionProfileGuard implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION_PROFILE = "postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> reasons = reasons(environment);
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("The " + PRODUCTION_PROFILE + " (production) profile refuses to start with "
                    + "what is meant for development only:\n - " + String.join("\n - ", reasons));
        }
    }

    /** Why this environment may not run as production; empty when it may (or is not production). */
    static List<String> reasons(Environment environment) {
        List<String> reasons = new ArrayList<>();
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            return reasons;
        }
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            reasons.add("the demo profile: it creates demo accounts whose passwords are published");
        }
        if (environment.getProperty("cinema.security.jwt.generate-dev-key", Boolean.class, false)) {
            reasons.add("cinema.security.jwt.generate-dev-key=true: tokens would be signed with a throw-away key;"
                    + " configure cinema.security.jwt.private-key and public-key"
                    + " (CINEMA_JWT_PRIVATE_KEY, CINEMA_JWT_PUBLIC_KEY)");
        }
        if (environment.getProperty("cinema.audit.chain.generate-dev-key", Boolean.class, false)) {
            reasons.add("cinema.audit.chain.generate-dev-key=true: the events' hash chain would be keyed with a"
                    + " throw-away secret nobody could verify later; configure cinema.audit.chain.key"
                    + " (CINEMA_AUDIT_CHAIN_KEY)");
        }
        return reasons;
    }

    /** After the configuration files and every other source are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
