package dev.cinema.command.account;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LoginThrottleH2Test extends LoginThrottleTest {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
    }
}
