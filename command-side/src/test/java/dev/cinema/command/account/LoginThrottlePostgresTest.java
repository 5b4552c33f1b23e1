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
        assertThat(admittedInParallel(anotherProcess(), anotherProcess())).isEqualTo(5);
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
    }
}
