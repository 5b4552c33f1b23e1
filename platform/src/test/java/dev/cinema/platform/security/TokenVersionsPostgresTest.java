package dev.cinema.platform.security;

import dev.cinema.platform.testsupport.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TokenVersionsPostgresTest extends TokenVersionsTest {

    private static final String DATABASE = EmbeddedPostgres.newDatabase();

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(DATABASE, "postgres", "postgres");
    }
}
