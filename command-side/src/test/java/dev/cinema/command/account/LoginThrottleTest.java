package dev.cinema.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The login limits against the real table, created by its real migration: no Spring context, a
 * clock the test moves. Runs on H2 ({@link LoginThrottleH2Test}) and PostgreSQL
 * ({@link LoginThrottlePostgresTest}), where parallel attempts really take row locks.
 */
abstract class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";

    private final MovableClock clock = new MovableClock();
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private LoginThrottle throttle;

    abstract DataSource dataSource();

    @BeforeEach
    void createTheTable() {
        dataSource = dataSource();
        new ResourceDatabasePopulator(new ClassPathResource("db/command/V130__login_throttle.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        throttle = new LoginThrottle(
                jdbc, new DataSourceTransactionManager(dataSource), new LoginThrottleProperties(null, null), clock);
    }

    @Test
    void afterFiveAttemptsAnAccountIsLockedForFifteenMinutesWhateverThePassword() {
        for (int i = 0; i < 5; i++) {
            throttle.admit("ada@example.org", ADDRESS);
        }
        clock.pass(Duration.ofMinutes(1));

        assertThatThrownBy(() -> throttle.admit("ada@example.org", "198.51.100.1"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("login-throttled");
                    assertThat(refusal.details()).containsEntry(Refusal.RETRY_AFTER_SECONDS, 14 * 60L);
                });
        clock.pass(Duration.ofMinutes(14).minusSeconds(1));
        assertThatThrownBy(() -> throttle.admit("ada@example.org", ADDRESS))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.details()).containsEntry(Refusal.RETRY_AFTER_SECONDS, 1L));

        clock.pass(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            throttle.admit("ada@example.org", ADDRESS);
        }
    }

    @Test
    void refusedAttemptsDoNotProlongTheLock() {
        for (int i = 0; i < 5; i++) {
            throttle.admit("ada@example.org", ADDRESS);
        }
        for (int minute = 1; minute < 15; minute++) {
            clock.pass(Duration.ofMinutes(1));
            assertThatThrownBy(() -> throttle.admit("ada@example.org", ADDRESS)).isInstanceOf(Refusal.class);
        }
        clock.pass(Duration.ofMinutes(1));
        throttle.admit("ada@example.org", ADDRESS);
    }

    @Test
    void attemptsSpreadOverMoreThanTheWindowNeverLock() {
        for (int i = 0; i < 12; i++) {
            throttle.admit("ada@example.org", "198.51.100." + i);
            clock.pass(Duration.ofMinutes(4));
        }
    }

    @Test
    void aSuccessfulLoginStartsTheAccountAfresh() {
        for (int i = 0; i < 4; i++) {
            throttle.admit("ada@example.org", ADDRESS);
        }
        throttle.admit("ada@example.org", ADDRESS);
        throttle.succeeded("ada@example.org", ADDRESS);

        for (int i = 0; i < 5; i++) {
            throttle.admit("ada@example.org", ADDRESS);
        }
        assertThatThrownBy(() -> throttle.admit("ada@example.org", ADDRESS)).isInstanceOf(Refusal.class);
    }

    @Test
    void anAddressGuessingAtManyAccountsIsStoppedAfterTwentyAttemptsForAMinute() {
        for (int i = 0; i < 20; i++) {
            throttle.admit("victim-" + i + "@example.org", ADDRESS);
        }

        assertThatThrownBy(() -> throttle.admit("someone-new@example.org", ADDRESS))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.details()).containsEntry(Refusal.RETRY_AFTER_SECONDS, 60L));
        throttle.admit("someone-new@example.org", "198.51.100.1");
        clock.pass(Duration.ofMinutes(1));
        throttle.admit("someone-new@example.org", ADDRESS);
    }

    @Test
    void rightPasswordsFromOneAddressNeverUseUpItsAttempts() {
        for (int i = 0; i < 50; i++) {
            throttle.admit("customer-" + i + "@example.org", ADDRESS);
            throttle.succeeded("customer-" + i + "@example.org", ADDRESS);
        }
        throttle.admit("one-more@example.org", ADDRESS);
    }

    @Test
    void oneValidAccountDoesNotClearAnAddressThatGuessesAtOthers() {
        for (int i = 0; i < 19; i++) {
            throttle.admit("victim-" + i + "@example.org", ADDRESS);
        }
        throttle.admit("mine@example.org", ADDRESS);
        throttle.succeeded("mine@example.org", ADDRESS);

        throttle.admit("victim-19@example.org", ADDRESS);
        assertThatThrownBy(() -> throttle.admit("victim-20@example.org", ADDRESS))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void parallelAttemptsOnOneAccountGetFiveChecksBetweenThem() throws Exception {
        assertThat(admittedInParallel(throttle, throttle, "ada@example.org")).isEqualTo(5);
    }

    /** 24 attempts on one e-mail from 24 addresses, 8 at a time, alternately through each throttle. */
    static int admittedInParallel(LoginThrottle one, LoginThrottle other, String email) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String address = "198.51.100." + i;
                LoginThrottle through = i % 2 == 0 ? one : other;
                attempts.add(() -> {
                    try {
                        through.admit(email, address);
                        return true;
                    } catch (Refusal refused) {
                        return false;
                    }
                });
            }
            int admitted = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                admitted += attempt.get() ? 1 : 0;
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }

    LoginThrottle anotherProcess() {
        return new LoginThrottle(
                new JdbcTemplate(this.dataSource),
                new DataSourceTransactionManager(this.dataSource),
                new LoginThrottleProperties(null, null),
                clock);
    }

    @Test
    void rowsWhoseWindowAndLockAreOverArePurged() {
        throttle.admit("old@example.org", "198.51.100.1");
        clock.pass(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            throttle.admit("customer-" + i + "@example.org", ADDRESS);
            throttle.succeeded("customer-" + i + "@example.org", ADDRESS);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from login_throttle where throttle_key like '%old@example.org'",
                        Integer.class))
                .isZero();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
