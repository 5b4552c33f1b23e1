package dev.cinema.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LoginThrottlePostgresTest extends LoginThrottleTest {

    /** Two command-side processes on one database: only the rows' locks order their attempts. */
    @Test
    void parallelAttemptsThroughTwoProcessesGetFiveChecksBetweenThem() throws Exception {
        LoginThrottle one = anotherProcess();
        LoginThrottle other = anotherProcess();
        // Several rounds, each on a new e-mail: the race for a key's first row is the one to lose.
        for (int round = 0; round < 10; round++) {
            assertThat(admittedInParallel(one, other, "ada-" + round + "@example.org"))
                    .as("round %d", round)
                    .isEqualTo(5);
        }
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
    }
}
