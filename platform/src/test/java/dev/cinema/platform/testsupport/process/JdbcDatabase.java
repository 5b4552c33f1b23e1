package dev.cinema.platform.testsupport.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How to reach one database: what an app started as a process is given in its environment. */
public record JdbcDatabase(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
