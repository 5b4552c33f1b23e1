package dev.cinema.platform.security;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TokenVersionsH2Test extends TokenVersionsTest {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
    }
}
